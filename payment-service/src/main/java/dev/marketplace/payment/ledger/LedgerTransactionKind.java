package dev.marketplace.payment.ledger;

/** The payment step a ledger transaction records. */
public enum LedgerTransactionKind {
  AUTHORIZATION,
  CAPTURE,
  VOID,
  REFUND
}
