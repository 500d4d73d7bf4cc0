package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;

/** Command: one vendor shipped its part of the order; its held stock leaves inventory for good. */
public record CommitStockV1(String orderId, String vendorId) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
