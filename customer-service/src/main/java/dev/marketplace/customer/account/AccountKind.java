package dev.marketplace.customer.account;

/** Who an account belongs to; all three sign in the same way. */
public enum AccountKind {
  SHOPPER,
  VENDOR_USER,
  STAFF
}
