package dev.marketplace.payment.payment;

/** Where a payment is in its life. */
public enum PaymentState {
  /** Recorded, with its idempotency key, before the provider is asked: a retry reuses the key. */
  AUTHORIZING,
  /** Held on the card; vendors' parts can be captured (and captured parts refunded). */
  AUTHORIZED,
  /** Nothing was held (declined, invalid card, provider unavailable). Final. */
  FAILED,
  /** What was not captured is released; captured parts stay refundable. Final for captures. */
  VOIDED
}
