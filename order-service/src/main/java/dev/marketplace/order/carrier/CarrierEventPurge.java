package dev.marketplace.order.carrier;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets carrier events older than {@code marketplace.carriers.event-retention}. A replay of one
 * carries its old signed timestamp, which the webhook refuses once it is past the tolerance, and
 * the retention is longer than that; a carrier's own re-signed retry of an old event only reports
 * where the parcel already is, which changes nothing.
 */
@Component
class CarrierEventPurge {

  private static final Logger log = LoggerFactory.getLogger(CarrierEventPurge.class);
  private static final int BATCH = 10_000;

  private final JdbcClient jdbc;
  private final CarrierProperties properties;
  private final Clock clock;

  CarrierEventPurge(JdbcClient jdbc, CarrierProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Deletes in batches, so a long backlog never holds one long transaction. */
  @Scheduled(
      fixedDelayString = "${marketplace.carriers.purge-interval:1h}",
      initialDelayString = "${marketplace.carriers.purge-interval:1h}")
  int purge() {
    Timestamp before = Timestamp.from(clock.instant().minus(properties.eventRetention()));
    int purged = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  "DELETE FROM carrier_event WHERE ctid IN (SELECT ctid FROM carrier_event"
                      + " WHERE received_at < ? LIMIT ?)")
              .params(before, BATCH)
              .update();
      purged += deleted;
    } while (deleted == BATCH);
    if (purged > 0) {
      log.info("forgot {} carrier events received before {}", purged, before.toInstant());
    }
    return purged;
  }
}
