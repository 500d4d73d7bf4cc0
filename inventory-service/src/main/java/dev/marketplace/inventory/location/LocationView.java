package dev.marketplace.inventory.location;

import java.time.Instant;
import java.util.UUID;

/** A location as the vendor API shows it. */
record LocationView(UUID id, String name, LocationKind kind, Instant createdAt) {

  static LocationView of(Location location) {
    return new LocationView(location.id(), location.name(), location.kind(), location.createdAt());
  }
}
