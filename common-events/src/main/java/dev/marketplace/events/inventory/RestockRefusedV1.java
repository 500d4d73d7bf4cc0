package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;

/** Reply: the return's units could not be put back (the location is not the vendor's). */
public record RestockRefusedV1(String orderId, String returnId, String reason) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
