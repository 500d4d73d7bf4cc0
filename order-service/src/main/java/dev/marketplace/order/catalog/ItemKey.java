package dev.marketplace.order.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What a shopper buys: a vendor's SKU. A SKU is unique only within its vendor (the catalog makes it
 * so), so the vendor is part of every reference to an item: cart lines, prices, order lines and
 * reservations. Another vendor using the same SKU names a different item.
 */
public record ItemKey(String vendorId, String sku) {

  /** The key as one string, {@code vendorId:sku}; a SKU never holds a colon. */
  public String field() {
    return vendorId + ":" + sku;
  }

  /** The key of {@link #field()}, or null for a string that is not one (a cart from before). */
  public static @Nullable ItemKey parse(String field) {
    int colon = field.lastIndexOf(':');
    if (colon <= 0 || colon == field.length() - 1) {
      return null;
    }
    return new ItemKey(field.substring(0, colon), field.substring(colon + 1));
  }
}
