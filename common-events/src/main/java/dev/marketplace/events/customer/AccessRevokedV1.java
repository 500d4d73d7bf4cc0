package dev.marketplace.events.customer;

import dev.marketplace.events.Event;
import java.time.Instant;

/**
 * Access tokens issued before {@code revokedAt} to {@code subject} stop working at once, at the
 * gateway and at every service: refresh tokens are deleted by the issuer in the same transaction.
 * Tokens issued later are not affected (a reinstated vendor, a rotated client's new secret).
 *
 * @param scope which claim {@code subject} is compared with
 * @param subject an account id or API client id ({@link Scope#SUBJECT}), or a vendor id ({@link
 *     Scope#VENDOR})
 */
public record AccessRevokedV1(Scope scope, String subject, Reason reason, Instant revokedAt)
    implements Event {

  /** One record per revoked subject survives compaction: its latest revocation. */
  @Override
  public String key() {
    return scope.name() + ":" + subject;
  }

  /** The token claim a revocation is about. */
  public enum Scope {
    /** The {@code sub} claim: one account or one API client. */
    SUBJECT,
    /** The {@code vendor_id} claim: every user and API client of one vendor. */
    VENDOR
  }

  /** Why access was revoked, for logs and the audit trail. */
  public enum Reason {
    ACCOUNT_ERASED,
    ACCOUNT_DISABLED,
    VENDOR_SUSPENDED,
    CLIENT_REVOKED,
    CLIENT_ROTATED
  }
}
