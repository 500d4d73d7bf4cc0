package dev.marketplace.customer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.marketplace.customer.CustomerIntegrationTest;
import dev.marketplace.events.audit.AuditEventRecordedV1;
import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.OAuthClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Administrative actions, refused attempts, lockouts and erasures reach the audit trail with who,
 * what, which resource, when, from where and the outcome; only administrators read it; a changed
 * entry is found by the verification; the trail refuses changes and keeps its chain across a
 * retention purge.
 */
class AuditTrailIT extends CustomerIntegrationTest {

  private static final Duration WITHIN = Duration.ofSeconds(20);

  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail trail;

  @Test
  void staffActionsRefusalsLockoutsAndErasuresAreRecordedAndOnlyAdminsReadThem() {
    OAuthClient.Tokens adminTokens = signInOnTheWeb(ADMIN_EMAIL, ADMIN_PASSWORD);
    String adminId = subject(adminTokens);
    ApiClient admin = as(adminTokens);
    String vendorId = apply("Audited Ltd", newEmail("audited"));
    assertThat(admin.post("/api/v1/admin/vendors/" + vendorId + "/approve", null).status())
        .isEqualTo(200);
    String shopperEmail = newEmail("audit-shopper");
    String shopperId = signUpVerified(shopperEmail);
    OAuthClient.Tokens shopper = signInOnTheWeb(shopperEmail, PASSWORD);
    assertThat(as(shopper).post("/api/v1/admin/vendors/" + vendorId + "/suspend", null).status())
        .isEqualTo(403);
    String lockedEmail = newEmail("locked");
    signUpVerified(lockedEmail);
    OAuthClient guesser = OAuthClient.at(baseUrl());
    for (int attempt = 0; attempt < 5; attempt++) {
      guesser.signIn(lockedEmail, "wrong guess " + attempt);
    }
    assertThat(as(shopper).delete("/api/v1/customers/me").status()).isEqualTo(202);

    JsonNode approved =
        awaitOne(admin, "action=approve&resource=" + vendorId + "&outcome=SUCCEEDED");
    assertThat(approved.path("actor").asString()).isEqualTo(adminId);
    assertThat(approved.path("actorRoles").toString()).contains("ADMIN");
    assertThat(approved.path("action").asString())
        .isEqualTo("POST /api/v1/admin/vendors/{id}/approve");
    assertThat(approved.path("resource").asString())
        .isEqualTo("/api/v1/admin/vendors/" + vendorId + "/approve");
    assertThat(approved.path("service").asString()).isEqualTo("customer-service");
    assertThat(approved.path("clientAddress").asString())
        .as("the host part masked")
        .isIn("127.0.0.0", "0:0:0:0:0:0:0:0");
    assertThat(Instant.parse(approved.path("occurredAt").asString()))
        .isBefore(Instant.now().plusSeconds(1));
    assertThat(
            awaitOne(admin, "action=suspend&resource=" + vendorId + "&outcome=DENIED")
                .path("actor")
                .asString())
        .isEqualTo(shopperId);
    assertThat(
            awaitOne(admin, "action=sign-in.lockout&resource=account:").path("resource").asString())
        .as("the blind index shortened: no address, nothing to look one up with")
        .matches("account:[A-Za-z0-9_-]{12}");
    assertThat(
            awaitOne(admin, "action=account.erase&resource=" + shopperId)
                .path("outcome")
                .asString())
        .isEqualTo("SUCCEEDED");
    String everything = admin.get("/api/v1/admin/audit?size=200").toString();
    assertThat(everything).doesNotContain(shopperEmail, lockedEmail, "@example.com");

    assertThat(as(shopper).get("/api/v1/admin/audit").status()).isIn(401, 403);
    var firstPage = admin.get("/api/v1/admin/audit?size=1&page=0");
    assertThat(firstPage.json().path("items").size()).isOne();
    assertThat(firstPage.json().path("totalItems").asLong()).isGreaterThan(4);
    assertThat(admin.get("/api/v1/admin/audit?outcome=MAYBE").status()).isEqualTo(400);
  }

  @Test
  void aChangedEntryIsFoundAndTheTrailRefusesChangesAndKeepsItsChainAcrossAPurge() {
    ApiClient admin = admin();
    assertThat(admin.get("/api/v1/admin/vendors").status()).isEqualTo(200);
    awaitOne(admin, "action=GET /api/v1/admin/vendors");
    var intact = admin.get("/api/v1/admin/audit/verification");
    assertThat(intact.json().path("intact").asBoolean()).as(intact.toString()).isTrue();
    long sequence =
        jdbc.sql("SELECT min(sequence) FROM audit_entry").query(Long.class).single() + 1;

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE audit_entry SET outcome = 'DENIED' WHERE sequence = ?")
                    .param(sequence)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.sql("DELETE FROM audit_entry WHERE sequence = ?").param(sequence).update())
        .hasMessageContaining("append-only");

    String original =
        jdbc.sql("SELECT actor FROM audit_entry WHERE sequence = ?")
            .param(sequence)
            .query(String.class)
            .single();
    tamper(sequence, "someone-else");
    try {
      var broken = admin.get("/api/v1/admin/audit/verification").json();
      assertThat(broken.path("intact").asBoolean()).isFalse();
      assertThat(broken.path("firstBrokenSequence").asLong()).isEqualTo(sequence);
    } finally {
      tamper(sequence, original);
    }

    Instant cutoff =
        jdbc.sql("SELECT occurred_at FROM audit_entry WHERE sequence = ?")
            .param(sequence + 1)
            .query(java.sql.Timestamp.class)
            .single()
            .toInstant();
    assertThat(trail.purgeBefore(cutoff)).isPositive();
    var afterPurge = admin.get("/api/v1/admin/audit/verification").json();
    assertThat(afterPurge.path("intact").asBoolean()).as(afterPurge.toString()).isTrue();
  }

  @Test
  void anEventDeliveredTwiceIsOneEntry() {
    UUID eventId = UUID.randomUUID();
    AuditEventRecordedV1 event =
        new AuditEventRecordedV1(
            "search-service",
            "staff-1",
            List.of("ADMIN"),
            "POST /api/v1/search/admin/reindex",
            "/api/v1/search/admin/reindex",
            Outcome.SUCCEEDED,
            "10.0.0.0",
            Instant.now());

    trail.append(eventId, event);
    trail.append(eventId, event);

    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_entry WHERE event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single())
        .isOne();
  }

  /**
   * Changes an entry as someone with database access could (the trigger is the owner's to drop).
   */
  private void tamper(long sequence, String actor) {
    jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").update();
    try {
      jdbc.sql("UPDATE audit_entry SET actor = ? WHERE sequence = ?")
          .params(actor, sequence)
          .update();
    } finally {
      jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").update();
    }
  }

  private static JsonNode awaitOne(ApiClient admin, String query) {
    String url = "/api/v1/admin/audit?" + query.replace(" ", "%20").replace("{", "%7B");
    return await()
        .atMost(WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              var found = admin.get(url);
              assertThat(found.status()).as(found.toString()).isEqualTo(200);
              return found.json().path("items");
            },
            items -> items.size() > 0)
        .get(0);
  }

  private static String subject(OAuthClient.Tokens tokens) {
    try {
      return com.nimbusds.jwt.SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getSubject();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
