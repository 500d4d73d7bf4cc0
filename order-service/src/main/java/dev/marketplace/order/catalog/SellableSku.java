package dev.marketplace.order.catalog;

/**
 * A vendor's SKU as the catalog last described it: who sells it, its name and price, whether it is
 * on sale.
 */
public record SellableSku(
    String sku,
    String productId,
    String vendorId,
    String name,
    long priceMinor,
    String currency,
    boolean published) {

  public ItemKey key() {
    return new ItemKey(vendorId, sku);
  }
}
