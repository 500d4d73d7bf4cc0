package dev.marketplace.events.payment;

import dev.marketplace.events.Event;

/** Command: give back a captured vendor part (a return). Idempotent per order and vendor. */
public record RefundPaymentV1(String orderId, String vendorId, long amountMinor, String currency)
    implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
