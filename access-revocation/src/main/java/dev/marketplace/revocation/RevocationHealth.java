package dev.marketplace.revocation;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Down until the revocation list has read every revocation published before this process started:
 * part of the readiness group, so no traffic reaches an instance that would still accept a revoked
 * token. Later Kafka outages keep it up: the list stays as it was, and tokens expire.
 */
class RevocationHealth implements HealthIndicator {

  private final RevocationList revocations;

  RevocationHealth(RevocationList revocations) {
    this.revocations = revocations;
  }

  @Override
  public Health health() {
    return revocations.current() ? Health.up().build() : Health.down().build();
  }
}
