package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;
import java.util.List;

/** Reply: nothing was reserved, because these lines cannot be served. */
public record StockReservationFailedV1(String orderId, List<Shortage> shortages) implements Event {

  public StockReservationFailedV1 {
    shortages = List.copyOf(shortages);
  }

  @Override
  public String key() {
    return orderId;
  }

  /** A line that cannot be served: {@code available} is 0 for an unknown SKU. */
  public record Shortage(String sku, int requested, int available) {}
}
