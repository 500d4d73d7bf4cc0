package dev.marketplace.events.payment;

import dev.marketplace.events.Event;
import org.jspecify.annotations.Nullable;

/** Reply: this refund of the vendor's part was made ({@code refundId} as the command named it). */
public record PaymentRefundedV1(
    String orderId, String vendorId, long amountMinor, String currency, @Nullable String refundId)
    implements Event {

  /** The reply to a refund command without a refund id. */
  public PaymentRefundedV1(String orderId, String vendorId, long amountMinor, String currency) {
    this(orderId, vendorId, amountMinor, currency, null);
  }

  @Override
  public String key() {
    return orderId;
  }
}
