package dev.marketplace.payment.payment;

/** The steps of a payment's life that its history lists. */
public enum HistoryKind {
  AUTHORIZATION_REQUESTED,
  AUTHORIZED,
  AUTHORIZATION_FAILED,
  CAPTURED,
  VOIDED,
  REFUNDED
}
