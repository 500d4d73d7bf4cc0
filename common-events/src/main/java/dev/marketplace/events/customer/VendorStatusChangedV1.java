package dev.marketplace.events.customer;

import dev.marketplace.events.Event;
import java.time.Instant;

/**
 * A vendor's onboarding status changed (approved by staff, suspended, reinstated). Compacted by
 * vendor id: the latest status of every vendor.
 */
public record VendorStatusChangedV1(
    String vendorId, String name, Status status, long vendorVersion, Instant changedAt)
    implements Event {

  @Override
  public String key() {
    return vendorId;
  }

  /** Only an APPROVED vendor sells; a SUSPENDED one's clients get no tokens. */
  public enum Status {
    PENDING,
    APPROVED,
    SUSPENDED
  }
}
