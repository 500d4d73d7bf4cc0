package dev.marketplace.payment.provider;

/** Why an authorisation was refused. */
public enum DeclineReason {
  /** The issuer said no, without saying why. */
  DECLINED,
  INSUFFICIENT_FUNDS,
  /** The card token is unknown, expired or not usable. */
  INVALID_CARD
}
