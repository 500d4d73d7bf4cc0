package dev.marketplace.order.cart;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cart priced with the catalog's current prices; lines no longer for sale say so. Lines are
 * grouped by vendor into the parts an order would have. Given a destination country ({@code
 * shipTo}), each part shows its shipping (or that its vendor does not ship there) and the cart its
 * total with shipping; without one, shipping is unknown and {@code total} is the items alone.
 */
public record CartView(
    List<Line> lines,
    List<Part> parts,
    @Nullable String shipTo,
    @Nullable Price itemsTotal,
    @Nullable Price shippingTotal,
    @Nullable Price total) {

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

  /**
   * One vendor's part: its available items' total, and, for a destination, whether the vendor ships
   * there and for how much.
   */
  public record Part(
      String vendorId,
      @Nullable Price items,
      @Nullable Boolean shipsToDestination,
      @Nullable Price shipping,
      @Nullable Price total) {}

  public record Price(long amount, String currency) {}
}
