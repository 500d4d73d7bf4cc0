package dev.marketplace.customer.vendor;

import java.time.Instant;
import java.util.UUID;

public record VendorView(
    UUID id,
    String name,
    String contactEmail,
    VendorStatus status,
    Instant createdAt,
    Instant updatedAt) {

  static VendorView of(Vendor v) {
    return new VendorView(
        v.id(), v.name(), v.contactEmail(), v.status(), v.createdAt(), v.updatedAt());
  }
}
