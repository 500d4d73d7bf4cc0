package dev.marketplace.order.cart;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A cart priced with the catalog's current prices; lines no longer for sale say so. */
public record CartView(List<Line> lines, @Nullable Price total) {

  /**
   * A line: the vendor's item, how many, and as the catalog describes it now (if it still does).
   */
  public record Line(
      String vendorId,
      String sku,
      int quantity,
      @Nullable String name,
      @Nullable Price unitPrice,
      boolean available) {}

  public record Price(long amount, String currency) {}
}
