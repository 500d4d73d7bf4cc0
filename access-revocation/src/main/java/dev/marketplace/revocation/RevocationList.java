package dev.marketplace.revocation;

import dev.marketplace.events.customer.AccessRevokedV1;
import dev.marketplace.events.customer.AccessRevokedV1.Scope;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The latest revocation of each subject and vendor this process has read. A token is revoked when
 * it was issued before the revocation of its subject or of its vendor.
 */
public class RevocationList {

  private final ConcurrentMap<String, Instant> revokedAt = new ConcurrentHashMap<>();
  private volatile boolean current;

  /** Records a revocation; an older one than already known changes nothing. */
  public void apply(AccessRevokedV1 revocation) {
    revokedAt.merge(revocation.key(), revocation.revokedAt(), (a, b) -> a.isAfter(b) ? a : b);
  }

  /**
   * Whether a token issued at {@code issuedAt} to {@code subject} (of {@code vendorId}, for a
   * vendor's users and clients) was revoked since. Token times have whole seconds, revocations
   * milliseconds: a token of the revocation's second counts as issued before it (the issuer dates
   * tokens issued in that second after it, see {@link #firstValidIssueTime}).
   */
  public boolean revoked(@Nullable String subject, @Nullable String vendorId, Instant issuedAt) {
    return issuedBefore(revocationOf(Scope.SUBJECT, subject), issuedAt)
        || issuedBefore(revocationOf(Scope.VENDOR, vendorId), issuedAt);
  }

  /**
   * The earliest issue time a token may state to survive a revocation at {@code revokedAt}: the
   * next whole second.
   */
  public static Instant firstValidIssueTime(Instant revokedAt) {
    Instant second = revokedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return second.equals(revokedAt) ? second : second.plusSeconds(1);
  }

  /** Forgets revocations older than {@code cutoff}: every token they stopped has expired. */
  public void forgetBefore(Instant cutoff) {
    revokedAt.values().removeIf(at -> at.isBefore(cutoff));
  }

  public int size() {
    return revokedAt.size();
  }

  /** Whether every revocation published before this process started has been read. */
  public boolean current() {
    return current;
  }

  void markCurrent() {
    current = true;
  }

  private @Nullable Instant revocationOf(Scope scope, @Nullable String subject) {
    return subject == null ? null : revokedAt.get(scope.name() + ":" + subject);
  }

  private static boolean issuedBefore(@Nullable Instant revocation, Instant issuedAt) {
    return revocation != null && issuedAt.isBefore(firstValidIssueTime(revocation));
  }
}
