package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;

/**
 * How much of a SKU can be sold now, summed over locations (compacted by SKU; {@code stockVersion}
 * orders the updates, so a consumer keeps the newest).
 */
public record StockAvailabilityChangedV1(
    String sku, String vendorId, int available, Level level, long stockVersion) implements Event {

  @Override
  public String key() {
    return sku;
  }

  /** What shoppers see: LOW_STOCK is at or below the vendor's threshold. */
  public enum Level {
    IN_STOCK,
    LOW_STOCK,
    OUT_OF_STOCK
  }
}
