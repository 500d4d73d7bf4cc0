package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;

/**
 * How much of a vendor's SKU can be sold now, summed over locations. Keyed (and compacted) by
 * {@code vendorId:sku}, since SKUs are unique per vendor only; {@code stockVersion} orders the
 * updates of one key, so a consumer keeps the newest.
 */
public record StockAvailabilityChangedV1(
    String sku, String vendorId, int available, Level level, long stockVersion) implements Event {

  @Override
  public String key() {
    return key(vendorId, sku);
  }

  /** The record key of a vendor's SKU: {@code vendorId:sku} (vendor ids contain no colon). */
  public static String key(String vendorId, String sku) {
    return vendorId + ":" + sku;
  }

  /** What shoppers see: LOW_STOCK is at or below the vendor's threshold. */
  public enum Level {
    IN_STOCK,
    LOW_STOCK,
    OUT_OF_STOCK
  }
}
