package dev.marketplace.inventory.location;

import java.time.Instant;
import java.util.UUID;

/** A warehouse or physical store of one vendor, where stock is kept. */
public record Location(
    UUID id, String vendorId, String name, LocationKind kind, Instant createdAt) {

  public static Location open(String vendorId, String name, LocationKind kind, Instant now) {
    return new Location(UUID.randomUUID(), vendorId, name.strip(), kind, now);
  }

  public boolean ownedBy(String vendorId) {
    return this.vendorId.equals(vendorId);
  }

  public boolean isStore() {
    return kind == LocationKind.STORE;
  }
}
