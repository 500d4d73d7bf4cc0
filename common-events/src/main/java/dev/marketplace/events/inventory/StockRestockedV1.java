package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;

/** Reply: the return's units are on hand again at the location named. */
public record StockRestockedV1(String orderId, String returnId) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
