package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;

/** Reply: the vendor's part of the reservation is committed. */
public record StockCommittedV1(String orderId, String vendorId) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
