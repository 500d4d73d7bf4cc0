package dev.marketplace.events.payment;

import dev.marketplace.events.Event;

/**
 * Command (order-service → payment): hold {@code amountMinor} on the shopper's card token for the
 * order. Idempotent per order: a repeat never authorises twice.
 */
public record AuthorizePaymentV1(
    String orderId, String customerId, String cardToken, long amountMinor, String currency)
    implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
