package dev.marketplace.inventory.idempotency;

import dev.marketplace.inventory.config.InventoryProperties;
import dev.marketplace.platform.web.ConflictException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers each vendor request with an Idempotency-Key and the answer it got, in the transaction
 * of its effect: a retry of the same request gets the same answer and no second effect; the key
 * reused for another request is refused. Two copies racing each other serialise on the key's row.
 */
@Component
public class IdempotentRequests {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;
  private final InventoryProperties properties;

  IdempotentRequests(
      JdbcClient jdbc, JsonMapper json, Clock clock, InventoryProperties properties) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Claims the key for this request inside the caller's transaction.
   *
   * @param fingerprint what identifies the request (target and body)
   * @return empty when this is the first time (go ahead, then {@link #complete}); the earlier
   *     answer when the same request came before
   * @throws ConflictException when the key was used for a different request
   */
  public <T> Optional<T> claim(String vendorId, String key, String fingerprint, Class<T> answer) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("claim must run in the transaction of the effect");
    }
    int claimed =
        jdbc.sql(
                "INSERT INTO idempotent_request (vendor_id, idempotency_key, fingerprint,"
                    + " created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(vendorId, key, fingerprint, OffsetDateTime.now(clock))
            .update();
    if (claimed == 1) {
      return Optional.empty();
    }
    Earlier earlier =
        jdbc.sql(
                "SELECT fingerprint, response FROM idempotent_request"
                    + " WHERE vendor_id = ? AND idempotency_key = ?")
            .params(vendorId, key)
            .query(Earlier.class)
            .single();
    if (!earlier.fingerprint().equals(fingerprint) || earlier.response() == null) {
      throw new ConflictException(
          "Idempotency-Key " + key + " was already used for a different request.");
    }
    return Optional.of(json.readValue(earlier.response(), answer));
  }

  /** Records the answer of a claimed request, in the same transaction. */
  public void complete(String vendorId, String key, Object answer) {
    jdbc.sql(
            "UPDATE idempotent_request SET response = ? WHERE vendor_id = ? AND idempotency_key = ?")
        .params(json.writeValueAsString(answer), vendorId, key)
        .update();
  }

  /** Forgets keys older than the retention; a client retries within minutes, not days. */
  @Scheduled(fixedDelayString = "${inventory.idempotency-purge-interval:1h}")
  public int purge() {
    OffsetDateTime cutoff =
        OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(properties.idempotencyRetention());
    return jdbc.sql("DELETE FROM idempotent_request WHERE created_at < ?").param(cutoff).update();
  }

  private record Earlier(String fingerprint, @Nullable String response) {}
}
