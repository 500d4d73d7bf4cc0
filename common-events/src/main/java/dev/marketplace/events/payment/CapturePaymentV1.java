package dev.marketplace.events.payment;

import dev.marketplace.events.Event;

/**
 * Command: take this vendor's part of the authorised amount (it shipped). Idempotent per vendor.
 */
public record CapturePaymentV1(String orderId, String vendorId, long amountMinor, String currency)
    implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
