package dev.marketplace.platform.testapp;

import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.outbox.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes a note and announces it in one transaction, as a real service would. */
@Service
public class Notes {

  private final JdbcClient jdbc;
  private final Outbox outbox;

  public Notes(JdbcClient jdbc, Outbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  @Transactional
  public void write(String id) {
    jdbc.sql("INSERT INTO note (id) VALUES (?)").param(id).update();
    // The starter's own contracts have one event type; any registered payload shows the mechanism.
    outbox.publish(Topics.CATALOG_PRODUCTS, event(id));
  }

  /** Writes and announces, then fails: neither the note nor its event may survive. */
  @Transactional
  public void writeThenFail(String id) {
    write(id);
    throw new IllegalStateException("failure after the write, inside the transaction");
  }

  public boolean exists(String id) {
    return jdbc.sql("SELECT count(*) FROM note WHERE id = ?").param(id).query(Long.class).single()
        == 1;
  }

  public static ProductChangedV1 event(String id) {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    return new ProductChangedV1(
        id,
        1,
        "vendor-1",
        ProductChangedV1.Status.DRAFT,
        "Note " + id,
        null,
        null,
        null,
        Map.of(),
        List.of(),
        List.of(),
        now,
        now);
  }
}
