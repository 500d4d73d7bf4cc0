package dev.marketplace.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's backlog as operators alert on it: how many events wait to be sent, and how long the
 * oldest has waited ({@code marketplace_outbox_pending}, {@code
 * marketplace_outbox_oldest_pending_age_seconds}). A healthy outbox sends within a second, so an
 * age of minutes means Kafka or the relay is down while the service goes on accepting changes.
 *
 * <p>Read from Modulith's publication table (sent rows are deleted, see PlatformDefaults) at most
 * once per {@link #FRESH_FOR}, whichever of the two gauges is scraped first, with a short query
 * timeout: a slow database must not hang a scrape. When the database cannot answer, both gauges are
 * NaN (Prometheus shows a gap, not a reassuring zero).
 */
public class OutboxMetrics implements MeterBinder {

  private static final Duration FRESH_FOR = Duration.ofSeconds(5);
  private static final String BACKLOG =
      "select count(*), min(publication_date) from event_publication where completion_date is null";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile Backlog last = new Backlog(Instant.MIN, Double.NaN, Double.NaN);

  private record Backlog(Instant readAt, double pending, double oldestAgeSeconds) {}

  public OutboxMetrics(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setQueryTimeout(2);
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("marketplace.outbox.pending", this, m -> m.backlog().pending())
        .description("Events stored by the outbox and not yet sent to Kafka")
        .register(registry);
    Gauge.builder(
            "marketplace.outbox.oldest.pending.age", this, m -> m.backlog().oldestAgeSeconds())
        .description("How long the oldest unsent outbox event has waited (0 when none waits)")
        .baseUnit("seconds")
        .register(registry);
  }

  private Backlog backlog() {
    Instant now = clock.instant();
    Backlog current = last;
    if (Duration.between(current.readAt(), now).compareTo(FRESH_FOR) < 0) {
      return current;
    }
    Backlog read;
    try {
      read =
          jdbc.queryForObject(
              BACKLOG,
              (rs, row) -> {
                @Nullable Timestamp oldest = rs.getTimestamp(2);
                double age =
                    oldest == null
                        ? 0
                        : Math.max(
                            0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                return new Backlog(now, rs.getLong(1), age);
              });
    } catch (DataAccessException e) {
      read = new Backlog(now, Double.NaN, Double.NaN);
    }
    last = read;
    return read;
  }
}
