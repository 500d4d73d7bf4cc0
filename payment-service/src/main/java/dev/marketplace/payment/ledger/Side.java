package dev.marketplace.payment.ledger;

/** The two sides of double entry. */
public enum Side {
  DEBIT,
  CREDIT
}
