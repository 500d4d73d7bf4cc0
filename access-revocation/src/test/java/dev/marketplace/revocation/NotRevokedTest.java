package dev.marketplace.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.customer.AccessRevokedV1;
import dev.marketplace.events.customer.AccessRevokedV1.Reason;
import dev.marketplace.events.customer.AccessRevokedV1.Scope;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class NotRevokedTest {

  private static final Instant REVOKED_AT = Instant.parse("2026-12-07T10:00:00.400Z");

  private final RevocationList revocations = new RevocationList();
  private final NotRevoked validator = new NotRevoked(revocations);

  @Test
  void aTokenIssuedBeforeItsSubjectWasRevokedIsRefusedAndALaterOneIsNot() {
    revocations.apply(revocation(Scope.SUBJECT, "shopper-1", REVOKED_AT));

    assertThat(valid(token("shopper-1", null, "2026-12-07T09:59:59Z"))).isFalse();
    assertThat(valid(token("shopper-1", null, "2026-12-07T10:00:01Z"))).isTrue();
    assertThat(valid(token("shopper-2", null, "2026-12-07T09:59:59Z")))
        .as("another subject")
        .isTrue();
  }

  @Test
  void aTokenOfTheRevocationsOwnSecondCountsAsIssuedBeforeIt() {
    revocations.apply(revocation(Scope.SUBJECT, "client-1", REVOKED_AT));

    assertThat(valid(token("client-1", null, "2026-12-07T10:00:00Z"))).isFalse();
    assertThat(RevocationList.firstValidIssueTime(REVOKED_AT))
        .isEqualTo(Instant.parse("2026-12-07T10:00:01Z"));
    assertThat(RevocationList.firstValidIssueTime(Instant.parse("2026-12-07T10:00:00Z")))
        .as("a revocation on a whole second")
        .isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
  }

  @Test
  void aVendorsRevocationStopsEveryUserAndClientOfThatVendor() {
    revocations.apply(revocation(Scope.VENDOR, "vendor-a", REVOKED_AT));

    assertThat(valid(token("vendor-user", "vendor-a", "2026-12-07T09:00:00Z"))).isFalse();
    assertThat(valid(token("vc_client", "vendor-a", "2026-12-07T09:00:00Z"))).isFalse();
    assertThat(valid(token("vendor-user", "vendor-b", "2026-12-07T09:00:00Z"))).isTrue();
    assertThat(valid(token("vendor-user", "vendor-a", "2026-12-07T10:05:00Z")))
        .as("issued after a reinstatement")
        .isTrue();
  }

  @Test
  void anOlderRevocationReadLaterDoesNotUndoANewerOne() {
    revocations.apply(revocation(Scope.SUBJECT, "s", REVOKED_AT));
    revocations.apply(revocation(Scope.SUBJECT, "s", REVOKED_AT.minusSeconds(3600)));

    assertThat(valid(token("s", null, "2026-12-07T09:30:00Z"))).isFalse();
  }

  @Test
  void aTokenWithoutAnIssueTimeIsRefused() {
    Jwt undated =
        Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("roles", "X").build();

    assertThat(validator.validate(undated).hasErrors()).isTrue();
  }

  @Test
  void revocationsOlderThanTheRetentionAreForgotten() {
    revocations.apply(revocation(Scope.SUBJECT, "old", REVOKED_AT.minusSeconds(7200)));
    revocations.apply(revocation(Scope.SUBJECT, "new", REVOKED_AT));

    revocations.forgetBefore(REVOKED_AT.minusSeconds(3600));

    assertThat(revocations.size()).isEqualTo(1);
    assertThat(valid(token("new", null, "2026-12-07T09:59:00Z"))).isFalse();
  }

  private boolean valid(Jwt token) {
    return !validator.validate(token).hasErrors();
  }

  private static Jwt token(String subject, @Nullable String vendorId, String issuedAt) {
    Jwt.Builder builder =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject(subject)
            .issuedAt(Instant.parse(issuedAt))
            .claims(c -> c.putAll(Map.of("roles", "X")));
    if (vendorId != null) {
      builder.claim("vendor_id", vendorId);
    }
    return builder.build();
  }

  static AccessRevokedV1 revocation(Scope scope, String subject, Instant at) {
    return new AccessRevokedV1(scope, subject, Reason.VENDOR_SUSPENDED, at);
  }
}
