package dev.marketplace.events.payment;

import dev.marketplace.events.Event;

/** Reply: the vendor's part is captured. */
public record PaymentCapturedV1(String orderId, String vendorId, long amountMinor, String currency)
    implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
