package dev.marketplace.events.payment;

import dev.marketplace.events.Event;

/** Reply: nothing stays held for the order. */
public record PaymentVoidedV1(String orderId) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
