package dev.marketplace.inventory.stock;

import java.util.UUID;

/** One SKU's stock at one location; {@code version} is its ETag. */
public record StockLevelView(
    UUID locationId, String sku, int onHand, int reserved, int available, long version) {

  static StockLevelView of(UUID locationId, String sku, LocationStock level) {
    return new StockLevelView(
        locationId, sku, level.onHand(), level.reserved(), level.free(), level.version());
  }
}
