package dev.marketplace.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles each event once in effect, though Kafka may deliver it again (a consumer that crashed
 * before committing its offset, a resent outbox message). The handled event id is written in the
 * same transaction as the effect: either both happen or neither, and a second delivery finds the id
 * and skips the effect. Two deliveries racing each other serialise on the primary key.
 */
public class Inbox {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Duration retention;

  public Inbox(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, Duration retention) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * Runs {@code effect} in a transaction unless {@code consumer} has handled {@code eventId}
   * before.
   *
   * @return the effect's result, or {@code null} for a repeated delivery
   */
  public <T> @Nullable T handleOnce(String consumer, UUID eventId, Supplier<T> effect) {
    return transaction.execute(status -> firstDelivery(consumer, eventId) ? effect.get() : null);
  }

  /** {@link #handleOnce(String, UUID, Supplier)} for effects without a result. */
  public boolean handleOnce(String consumer, UUID eventId, Runnable effect) {
    Boolean handled =
        transaction.execute(
            status -> {
              if (!firstDelivery(consumer, eventId)) {
                return false;
              }
              effect.run();
              return true;
            });
    return Boolean.TRUE.equals(handled);
  }

  /**
   * Records the delivery inside the caller's transaction: true the first time, false when this
   * consumer already handled the event (skip the effect).
   *
   * @throws IllegalStateException outside a transaction, where the record and the effect could part
   *     ways
   */
  public boolean firstDelivery(String consumer, UUID eventId) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Inbox.firstDelivery must run inside the transaction that applies the event");
    }
    int inserted =
        jdbc.sql(
                "INSERT INTO inbox_event (consumer, event_id, handled_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .params(consumer, eventId, OffsetDateTime.now(clock))
            .update();
    return inserted == 1;
  }

  /**
   * Forgets deliveries older than the retention, which must exceed how long Kafka can redeliver
   * (topic retention, or the time a consumer group may lag).
   */
  @Scheduled(fixedDelayString = "${marketplace.inbox.purge-interval:1h}")
  public int purge() {
    OffsetDateTime cutoff = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(retention);
    return jdbc.sql("DELETE FROM inbox_event WHERE handled_at < ?").param(cutoff).update();
  }
}
