package dev.marketplace.customer.vendor;

/** Onboarding: staff approve a PENDING vendor; an APPROVED one can be SUSPENDED and reinstated. */
public enum VendorStatus {
  PENDING,
  APPROVED,
  SUSPENDED
}
