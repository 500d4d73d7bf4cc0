package dev.marketplace.customer.audit;

import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import dev.marketplace.platform.audit.Actor;
import dev.marketplace.platform.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Purges the trail's entries past retention, and records that it did. */
@Component
class AuditRetention {

  private final AuditTrail trail;
  private final AuditLog audit;
  private final AuditProperties properties;
  private final Clock clock;

  AuditRetention(AuditTrail trail, AuditLog audit, AuditProperties properties, Clock clock) {
    this.trail = trail;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${marketplace.audit.purge-interval:1h}",
      initialDelayString = "${marketplace.audit.purge-interval:1h}")
  void purgeExpired() {
    Instant cutoff = clock.instant().minus(properties.retention());
    int purged = trail.purgeBefore(cutoff);
    if (purged > 0) {
      audit.record(
          Actor.system(),
          "audit.retention-purge",
          purged + " entries that occurred before " + cutoff,
          Outcome.SUCCEEDED);
    }
  }
}
