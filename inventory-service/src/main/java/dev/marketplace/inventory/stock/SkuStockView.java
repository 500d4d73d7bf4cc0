package dev.marketplace.inventory.stock;

import dev.marketplace.events.inventory.StockAvailabilityChangedV1.Level;
import java.util.List;

/** A vendor SKU's stock over all its locations, and how shoppers see it. */
public record SkuStockView(
    String sku,
    int onHand,
    int reserved,
    int available,
    Level level,
    int lowStockThreshold,
    long stockVersion,
    List<StockLevelView> locations) {

  static SkuStockView of(SkuStock stock) {
    return new SkuStockView(
        stock.key().sku(),
        stock.onHand(),
        stock.reserved(),
        stock.available(),
        stock.level(),
        stock.lowStockThreshold(),
        stock.stockVersion(),
        stock.levels().stream()
            .map(level -> StockLevelView.of(level.locationId(), stock.key().sku(), level))
            .toList());
  }
}
