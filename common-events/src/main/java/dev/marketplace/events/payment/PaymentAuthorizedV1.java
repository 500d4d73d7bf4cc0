package dev.marketplace.events.payment;

import dev.marketplace.events.Event;

/** Reply: the amount is held on the card. */
public record PaymentAuthorizedV1(
    String orderId, String paymentId, long amountMinor, String currency) implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
