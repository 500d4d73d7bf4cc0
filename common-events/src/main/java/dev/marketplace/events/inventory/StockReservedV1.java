package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;
import java.time.Instant;

/** Reply: every line of the order is held until {@code expiresAt}. */
public record StockReservedV1(String orderId, Instant expiresAt) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
