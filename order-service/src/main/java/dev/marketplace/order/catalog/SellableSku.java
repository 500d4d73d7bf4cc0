package dev.marketplace.order.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A vendor's SKU as the catalog last described it: who sells it, its name, category and price,
 * whether it is on sale.
 */
public record SellableSku(
    String sku,
    String productId,
    String vendorId,
    String name,
    @Nullable String categoryId,
    long priceMinor,
    String currency,
    boolean published) {

  public ItemKey key() {
    return new ItemKey(vendorId, sku);
  }
}
