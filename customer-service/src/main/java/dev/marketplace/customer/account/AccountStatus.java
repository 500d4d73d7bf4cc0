package dev.marketplace.customer.account;

/**
 * An account signs in only when ACTIVE; staff can make it DISABLED and back; an ERASED one keeps
 * its id and nothing personal.
 */
public enum AccountStatus {
  PENDING_VERIFICATION,
  ACTIVE,
  DISABLED,
  ERASED
}
