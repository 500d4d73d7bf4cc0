package dev.marketplace.events.payment;

import dev.marketplace.events.Event;

/** Reply: no money is held; {@code reason} says why, for the shopper and for support. */
public record PaymentFailedV1(String orderId, Reason reason, String message) implements Event {

  @Override
  public String key() {
    return orderId;
  }

  /** Why an authorisation failed. */
  public enum Reason {
    DECLINED,
    INSUFFICIENT_FUNDS,
    PROVIDER_UNAVAILABLE,
    INVALID_CARD
  }
}
