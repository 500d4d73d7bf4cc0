package dev.marketplace.order.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order as its shopper sees it, with its timeline. */
public record OrderView(
    UUID id,
    String status,
    @Nullable String cancelReason,
    Money total,
    List<OrderLine> lines,
    List<VendorPart> parts,
    List<TimelineEntry> timeline,
    Instant placedAt) {

  static OrderView of(Order order) {
    return new OrderView(
        order.id(),
        shopperStatus(order.status()),
        order.cancelReason(),
        order.total(),
        order.lines(),
        order.parts(),
        order.timeline(),
        order.placedAt());
  }

  /** The shopper sees PENDING for the saga's in-between steps. */
  private static String shopperStatus(OrderStatus status) {
    return switch (status) {
      case RESERVING_STOCK, AUTHORIZING_PAYMENT -> "PENDING";
      default -> status.name();
    };
  }
}
