package dev.marketplace.payment.payment;

/** Why an authorisation failed; the names are the saga contract's reasons. */
public enum FailureReason {
  DECLINED,
  INSUFFICIENT_FUNDS,
  PROVIDER_UNAVAILABLE,
  INVALID_CARD
}
