package dev.marketplace.inventory.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Bodies of the vendor stock API. Quantities are whole units within one location's bounds. */
final class StockRequests {

  private StockRequests() {}

  /** A counted quantity: what is physically at the location now. */
  record SetLevel(@NotNull @PositiveOrZero @Max(LocationStock.MAX_ON_HAND) Integer onHand) {}

  /** Units that arrived (positive) or left outside any sale or order (negative). */
  record Adjustment(
      @NotNull @Min(value = -LocationStock.MAX_ON_HAND) @Max(LocationStock.MAX_ON_HAND)
          Integer delta) {}

  /** The quantity at or below which shoppers see "low stock". */
  record Threshold(
      @NotNull @PositiveOrZero @Max(SkuStock.MAX_LOW_STOCK_THRESHOLD) Integer lowStockThreshold) {}
}
