package dev.marketplace.customer.access;

import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.AccessRevokedV1;
import dev.marketplace.events.customer.AccessRevokedV1.Reason;
import dev.marketplace.events.customer.AccessRevokedV1.Scope;
import dev.marketplace.platform.outbox.Outbox;
import dev.marketplace.revocation.RevocationList;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes access in the caller's transaction: the subject's refresh tokens (the authorization
 * server's stored authorizations) are deleted, and {@link AccessRevokedV1} goes out through the
 * outbox, so every resource server refuses the access tokens already issued.
 */
@Service
public class AccessRevocations {

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final Clock clock;

  AccessRevocations(JdbcClient jdbc, Outbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** An account (its id) or an API client (its client id): every token issued to it until now. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void revokeSubject(String subject, Reason reason) {
    jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?").param(subject).update();
    revoke(Scope.SUBJECT, subject, reason);
  }

  /** Every token issued until now to the vendor's users and API clients. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void revokeVendor(UUID vendorId, Reason reason) {
    jdbc.sql(
            """
            DELETE FROM oauth2_authorization
             WHERE principal_name IN (SELECT id::text FROM account WHERE vendor_id = ?)
                OR principal_name IN (SELECT client_id FROM vendor_api_client WHERE vendor_id = ?)
            """)
        .params(vendorId, vendorId)
        .update();
    revoke(Scope.VENDOR, vendorId.toString(), reason);
  }

  /**
   * The earliest issue time a new token for this subject (and vendor) may state so that no resource
   * server takes it for one issued before the latest revocation; empty if there is none.
   */
  @Transactional(readOnly = true)
  public Optional<Instant> firstValidIssueTime(String subject, @Nullable String vendorId) {
    return jdbc.sql(
            """
            SELECT max(revoked_at) FROM access_revocation
             WHERE (scope = 'SUBJECT' AND subject = ?) OR (scope = 'VENDOR' AND subject = ?)
            """)
        .params(subject, vendorId == null ? "" : vendorId)
        .query((row, n) -> Optional.ofNullable(row.getTimestamp(1)))
        .single()
        .map(Timestamp::toInstant)
        .map(RevocationList::firstValidIssueTime);
  }

  private void revoke(Scope scope, String subject, Reason reason) {
    Instant at = revocationTime();
    jdbc.sql(
            """
            INSERT INTO access_revocation (scope, subject, reason, revoked_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (scope, subject) DO UPDATE SET reason = excluded.reason,
                                                       revoked_at = excluded.revoked_at
            """)
        .params(scope.name(), subject, reason.name(), Timestamp.from(at))
        .update();
    outbox.publish(Topics.IDENTITY_REVOCATIONS, new AccessRevokedV1(scope, subject, reason, at));
  }

  /**
   * Now, or just after the issue time given to tokens of the latest revocation's second, if that is
   * still ahead: a token dated forward (see {@link #firstValidIssueTime}) must not outlive a
   * revocation that follows it within the same second.
   */
  private Instant revocationTime() {
    Instant now = clock.instant();
    return jdbc.sql("SELECT max(revoked_at) FROM access_revocation")
        .query((row, n) -> Optional.ofNullable(row.getTimestamp(1)))
        .single()
        .map(latest -> RevocationList.firstValidIssueTime(latest.toInstant()).plusMillis(1))
        .filter(next -> next.isAfter(now))
        .orElse(now);
  }
}
