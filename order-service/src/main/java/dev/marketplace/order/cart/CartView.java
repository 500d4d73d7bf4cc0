package dev.marketplace.order.cart;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A cart priced with the catalog's current prices; lines no longer for sale say so. */
public record CartView(List<Line> lines, @Nullable Price total) {

  public record Line(
      String sku,
      int quantity,
      @Nullable String name,
      @Nullable String vendorId,
      @Nullable Price unitPrice,
      boolean available) {}

  public record Price(long amount, String currency) {}
}
