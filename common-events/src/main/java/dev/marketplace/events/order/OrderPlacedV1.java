package dev.marketplace.events.order;

import dev.marketplace.events.Event;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as it was placed: what was bought from whom, in which category, at what price, and each
 * vendor part's shipping. Published once per order on {@code order.placed}, which is not compacted
 * (every order stays, for analytics and accounting). It names no shopper: the topic keeps records
 * for their retention and an erasure could not take one back; who ordered is on {@code
 * order.events}, which erasure rewrites.
 */
public record OrderPlacedV1(
    String orderId,
    Instant placedAt,
    String currency,
    long totalMinor,
    List<Line> lines,
    List<Part> parts)
    implements Event {

  public OrderPlacedV1 {
    lines = List.copyOf(lines);
    parts = List.copyOf(parts);
  }

  /**
   * One line as ordered.
   *
   * @param categoryId the product's category when the order was placed; null for a product the
   *     catalog announced without one
   */
  public record Line(
      String sku,
      String vendorId,
      @Nullable String categoryId,
      String productName,
      int quantity,
      long unitPriceMinor) {}

  /** One vendor's shipping for its part of the order. */
  public record Part(String vendorId, long shippingMinor) {}

  @Override
  public String key() {
    return orderId;
  }
}
