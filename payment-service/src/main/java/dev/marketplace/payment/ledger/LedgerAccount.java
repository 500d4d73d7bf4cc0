package dev.marketplace.payment.ledger;

/**
 * The accounts money moves between. Balances are debits minus credits: HOLD and CAPTURED are never
 * negative, CARDHOLDER is minus what the shopper is currently charged or holding.
 */
public enum LedgerAccount {
  /** The shopper's card: credited when money is held or taken, debited when it goes back. */
  CARDHOLDER,
  /** Authorised on the card and neither captured nor released. */
  AUTHORIZATION_HOLD,
  /** Taken from the card for a vendor (entries name the vendor); refunds come out of it. */
  CAPTURED
}
