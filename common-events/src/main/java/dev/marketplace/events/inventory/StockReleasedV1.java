package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;

/** Reply: the order holds no stock any more (also when it held none). */
public record StockReleasedV1(String orderId) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
