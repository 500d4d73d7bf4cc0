package dev.marketplace.events.payment;

import dev.marketplace.events.Event;

/** Command: release what is authorised and not captured (the order was cancelled). Idempotent. */
public record VoidPaymentV1(String orderId, String reason) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
