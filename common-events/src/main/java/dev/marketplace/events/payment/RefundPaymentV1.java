package dev.marketplace.events.payment;

import dev.marketplace.events.Event;
import org.jspecify.annotations.Nullable;

/**
 * Command: give back some of a captured vendor part. Idempotent per order, vendor and {@code
 * refundId} (a return's id: one vendor part may be refunded in several returns, never beyond what
 * was captured); without a refund id, per order and vendor (one refund of the part).
 */
public record RefundPaymentV1(
    String orderId, String vendorId, long amountMinor, String currency, @Nullable String refundId)
    implements Event {

  /** A refund of the vendor's part, once. */
  public RefundPaymentV1(String orderId, String vendorId, long amountMinor, String currency) {
    this(orderId, vendorId, amountMinor, currency, null);
  }

  @Override
  public String key() {
    return orderId;
  }
}
