package dev.marketplace.search.index;

import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import java.time.Instant;

/**
 * The newest stock of one vendor SKU, as the stock index holds it (document id {@link #key()}, the
 * engine's external version = {@code stockVersion}).
 *
 * @param updatedAt when search-service wrote it (a rebuild re-applies what changed while it ran)
 */
public record StockDocument(
    String vendorId,
    String sku,
    int available,
    String level,
    long stockVersion,
    Instant updatedAt) {

  static final String OUT_OF_STOCK = StockAvailabilityChangedV1.Level.OUT_OF_STOCK.name();

  /**
   * The stock an event announces.
   *
   * @throws MalformedEventException if the event cannot be a real announcement (no SKU, vendor or
   *     level, or no version: inventory counts versions from 1)
   */
  public static StockDocument of(StockAvailabilityChangedV1 event, Instant now) {
    if (isBlank(event.sku())
        || isBlank(event.vendorId())
        || event.vendorId().contains(":")
        || event.level() == null
        || event.stockVersion() < 1) {
      throw new MalformedEventException("not a valid availability announcement: " + event);
    }
    return new StockDocument(
        event.vendorId(),
        event.sku(),
        event.available(),
        event.level().name(),
        event.stockVersion(),
        now);
  }

  public String key() {
    return StockAvailabilityChangedV1.key(vendorId, sku);
  }

  /** Whether shoppers can buy it now: LOW_STOCK is in stock too. */
  public boolean sellable() {
    return !OUT_OF_STOCK.equals(level);
  }

  /** What a product document keeps about this SKU. */
  SkuStock entry() {
    return new SkuStock(stockVersion, sellable());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
