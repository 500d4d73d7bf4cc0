package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;

/** Command: give the order's held stock back (cancellation, failed payment). Idempotent. */
public record ReleaseStockV1(String orderId, String reason) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
