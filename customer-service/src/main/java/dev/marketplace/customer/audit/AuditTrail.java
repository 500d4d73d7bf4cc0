package dev.marketplace.customer.audit;

import dev.marketplace.events.audit.AuditEventRecordedV1;
import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit events to the chain (each once, in the order they arrive: one writer at a time,
 * under a transaction-scoped advisory lock), finds entries, checks the chain, and purges what is
 * past retention.
 */
@Service
public class AuditTrail {

  /** The advisory lock that makes appends take turns, across replicas too. */
  private static final long APPEND_LOCK = 0x417564697454L;

  private static final int VERIFY_BATCH = 1_000;

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Appends the event unless it is in the trail already (a redelivery). */
  @Transactional
  public void append(UUID eventId, AuditEventRecordedV1 event) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().listOfRows();
    if (jdbc.sql("SELECT count(*) FROM audit_entry WHERE event_id = ?")
            .param(eventId)
            .query(Long.class)
            .single()
        > 0) {
      return;
    }
    record Last(long sequence, String hash) {}
    Last last =
        jdbc.sql("SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1")
            .query((row, n) -> new Last(row.getLong(1), row.getString(2)))
            .optional()
            .orElse(new Last(0, AuditEntry.GENESIS));
    AuditEntry unsealed =
        new AuditEntry(
            last.sequence() + 1,
            eventId,
            event.service(),
            event.actor(),
            event.actorRoles(),
            event.action(),
            event.resource(),
            event.outcome(),
            event.clientAddress(),
            // PostgreSQL keeps microseconds: the hash covers what is stored.
            event.occurredAt().truncatedTo(ChronoUnit.MICROS),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            last.hash(),
            "");
    jdbc.sql(
            """
            INSERT INTO audit_entry (sequence, event_id, service, actor, actor_roles, action,
                                     resource, outcome, client_address, occurred_at, recorded_at,
                                     previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            unsealed.sequence(),
            eventId,
            unsealed.service(),
            unsealed.actor(),
            String.join(",", unsealed.actorRoles()),
            unsealed.action(),
            unsealed.resource(),
            unsealed.outcome().name(),
            unsealed.clientAddress(),
            Timestamp.from(unsealed.occurredAt()),
            Timestamp.from(unsealed.recordedAt()),
            unsealed.previousHash(),
            unsealed.expectedHash())
        .update();
  }

  /** Filters for {@link #find}; any may be null (no filter). */
  public record Query(
      @Nullable String actor,
      @Nullable String service,
      @Nullable String action,
      @Nullable String resource,
      @Nullable Outcome outcome,
      @Nullable Instant from,
      @Nullable Instant to) {}

  /** Entries matching the query, newest first; {@code action} and {@code resource} match a part. */
  @Transactional(readOnly = true)
  public Found find(Query query, int page, int size) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    condition(conditions, parameters, "actor = ?", query.actor());
    condition(conditions, parameters, "service = ?", query.service());
    condition(conditions, parameters, "action ILIKE ? ESCAPE '\\'", contains(query.action()));
    condition(conditions, parameters, "resource ILIKE ? ESCAPE '\\'", contains(query.resource()));
    condition(
        conditions,
        parameters,
        "outcome = ?",
        query.outcome() == null ? null : query.outcome().name());
    condition(conditions, parameters, "occurred_at >= ?", timestamp(query.from()));
    condition(conditions, parameters, "occurred_at < ?", timestamp(query.to()));
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    long total =
        jdbc.sql("SELECT count(*) FROM audit_entry" + where)
            .params(parameters)
            .query(Long.class)
            .single();
    List<Object> paged = new ArrayList<>(parameters);
    paged.add(size);
    paged.add((long) page * size);
    List<AuditEntry> entries =
        jdbc.sql("SELECT * FROM audit_entry" + where + " ORDER BY sequence DESC LIMIT ? OFFSET ?")
            .params(paged)
            .query(AuditTrail::entry)
            .list();
    return new Found(entries, total);
  }

  public record Found(List<AuditEntry> entries, long total) {}

  /**
   * The result of checking the chain.
   *
   * @param lastHash the newest entry's hash: kept outside this database (a ticket, a log archive),
   *     it shows later whether the whole chain up to it was rewritten
   * @param firstBrokenSequence the first entry whose hash, link or place in the sequence is wrong
   */
  public record Verification(
      boolean intact,
      long entriesChecked,
      @Nullable Long firstBrokenSequence,
      @Nullable String problem,
      @Nullable String lastHash,
      Instant checkedAt) {}

  /**
   * Checks every entry from the oldest kept: its hash matches its fields, it links to the entry
   * before it, and no sequence number is missing.
   */
  @Transactional(readOnly = true)
  public Verification verify() {
    long checked = 0;
    @Nullable AuditEntry previous = null;
    long after = Long.MIN_VALUE;
    while (true) {
      List<AuditEntry> batch =
          jdbc.sql("SELECT * FROM audit_entry WHERE sequence > ? ORDER BY sequence LIMIT ?")
              .params(after, VERIFY_BATCH)
              .query(AuditTrail::entry)
              .list();
      for (AuditEntry entry : batch) {
        Optional<String> problem = problem(previous, entry);
        if (problem.isPresent()) {
          return new Verification(
              false, checked, entry.sequence(), problem.get(), null, clock.instant());
        }
        checked++;
        previous = entry;
      }
      if (batch.size() < VERIFY_BATCH) {
        return new Verification(
            true, checked, null, null, previous == null ? null : previous.hash(), clock.instant());
      }
      after = batch.getLast().sequence();
    }
  }

  private static Optional<String> problem(@Nullable AuditEntry previous, AuditEntry entry) {
    if (!entry.hash().equals(entry.expectedHash())) {
      return Optional.of("the entry does not match its hash: it was changed");
    }
    if (previous != null && entry.sequence() != previous.sequence() + 1) {
      return Optional.of("entries before this one are missing");
    }
    if (previous != null && !entry.previousHash().equals(previous.hash())) {
      return Optional.of("the entry does not link to the one before it");
    }
    return Optional.empty();
  }

  /**
   * Deletes entries that occurred before {@code cutoff}, oldest first; the newest entry always
   * stays, so the chain goes on from it.
   *
   * @return how many were deleted
   */
  @Transactional
  public int purgeBefore(Instant cutoff) {
    jdbc.sql("SELECT set_config('marketplace.audit_purge', 'on', true)").query().listOfRows();
    return jdbc.sql(
            "DELETE FROM audit_entry WHERE occurred_at < ?"
                + " AND sequence < (SELECT max(sequence) FROM audit_entry)")
        .param(Timestamp.from(cutoff))
        .update();
  }

  private static void condition(
      List<String> conditions, List<Object> parameters, String sql, @Nullable Object value) {
    if (value != null) {
      conditions.add(sql);
      parameters.add(value);
    }
  }

  private static @Nullable String contains(@Nullable String text) {
    return text == null
        ? null
        : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static AuditEntry entry(ResultSet row, int n) throws SQLException {
    String roles = row.getString("actor_roles");
    return new AuditEntry(
        row.getLong("sequence"),
        row.getObject("event_id", UUID.class),
        row.getString("service"),
        row.getString("actor"),
        roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
        row.getString("action"),
        row.getString("resource"),
        Outcome.valueOf(row.getString("outcome")),
        row.getString("client_address"),
        row.getTimestamp("occurred_at").toInstant(),
        row.getTimestamp("recorded_at").toInstant(),
        row.getString("previous_hash"),
        row.getString("hash"));
  }
}
