package dev.marketplace.customer.account;

/** An account signs in only when ACTIVE; an ERASED one keeps its id and nothing personal. */
public enum AccountStatus {
  PENDING_VERIFICATION,
  ACTIVE,
  ERASED
}
