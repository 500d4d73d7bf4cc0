package dev.marketplace.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.audit.AuditEventRecordedV1;
import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.RefundPaymentV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.payment.PaymentIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PaymentAdminApiIT extends PaymentIntegrationTest {

  @Test
  void staffSeeAPaymentWithItsHistoryAndBalancedLedger() {
    String shopper = newId("shopper");
    String order = newId("order");
    send(authorize(order, shopper, addCard(shopper, APPROVE), 10_000));
    String paymentId = reply(order, PaymentAuthorizedV1.class).paymentId();
    send(new CapturePaymentV1(order, "vendor-a", 6_000, "EUR"));
    send(new RefundPaymentV1(order, "vendor-a", 1_000, "EUR"));
    send(new VoidPaymentV1(order, "the other vendor cancelled"));
    replies(order, 4);

    var response = api(staff("SUPPORT")).get("/api/v1/admin/payments/" + order);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode payment = response.json();
    assertThat(payment.path("paymentId").asString()).isEqualTo(paymentId);
    assertThat(payment.path("state").asString()).isEqualTo("VOIDED");
    assertThat(payment.path("amount").path("amount").asLong()).isEqualTo(10_000);
    assertThat(payment.path("captured").path("amount").asLong()).isEqualTo(6_000);
    assertThat(payment.path("refunded").path("amount").asLong()).isEqualTo(1_000);
    assertThat(payment.path("released").path("amount").asLong()).isEqualTo(4_000);
    assertThat(payment.path("held").path("amount").asLong()).isZero();
    assertThat(payment.path("history").findValuesAsString("kind"))
        .containsExactly("AUTHORIZATION_REQUESTED", "AUTHORIZED", "CAPTURED", "REFUNDED", "VOIDED");
    assertThat(payment.path("ledger").findValuesAsString("reference"))
        .containsExactly(
            "authorize:" + order,
            "capture:" + order + ":vendor-a",
            "refund:" + order + ":vendor-a",
            "void:" + order);
    for (JsonNode posting : payment.path("ledger")) {
      long balance = 0;
      for (JsonNode entry : posting.path("entries")) {
        long amount = entry.path("amount").path("amount").asLong();
        balance += "DEBIT".equals(entry.path("side").asString()) ? amount : -amount;
      }
      assertThat(balance).as(posting.toString()).isZero();
    }
    assertThat(response.body()).doesNotContain(APPROVE);
  }

  @Test
  void administratorsMaySeeAndShoppersMayNot() {
    String shopper = newId("shopper");
    String order = newId("order");
    send(authorize(order, shopper, addCard(shopper, DECLINE), 1_000));
    replies(order, 1);

    var admin = api(staff("ADMIN")).get("/api/v1/admin/payments/" + order);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.json().path("failure").path("reason").asString()).isEqualTo("DECLINED");
    assertThat(api(TestTokens.shopper(shopper)).get("/api/v1/admin/payments/" + order).status())
        .isEqualTo(403);
    assertThat(
            ApiClient.at("http://localhost:" + port)
                .get("/api/v1/admin/payments/" + order)
                .status())
        .isEqualTo(401);
    var unknown = api(staff("SUPPORT")).get("/api/v1/admin/payments/" + newId("order"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");

    List<AuditEventRecordedV1> audited = auditedFor("/api/v1/admin/payments/" + order, 3);
    assertThat(audited)
        .extracting(AuditEventRecordedV1::actor, AuditEventRecordedV1::outcome)
        .as("every staff view of a payment is in the audit trail, refusals too")
        .contains(
            tuple("staff-admin", Outcome.SUCCEEDED),
            tuple(shopper, Outcome.DENIED),
            tuple("anonymous", Outcome.DENIED));
    assertThat(audited.getFirst().action()).isEqualTo("GET /api/v1/admin/payments/{orderId}");
    assertThat(audited.getFirst().service()).isEqualTo("payment-service");
  }

  private List<AuditEventRecordedV1> auditedFor(String resource, int count) {
    try (TopicReader reader =
        new TopicReader(KafkaTestServer.bootstrapServers(), topics.name(Topics.AUDIT_EVENTS))) {
      return reader
          .readUntil(
              records -> resourceIs(records, resource).size() >= count, Duration.ofSeconds(30))
          .stream()
          .map(r -> EventJson.read(r.value()).payload())
          .filter(AuditEventRecordedV1.class::isInstance)
          .map(AuditEventRecordedV1.class::cast)
          .filter(e -> e.resource().equals(resource))
          .toList();
    }
  }

  private static List<AuditEventRecordedV1> resourceIs(
      List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records,
      String resource) {
    return records.stream()
        .map(r -> EventJson.read(r.value()).payload())
        .filter(AuditEventRecordedV1.class::isInstance)
        .map(AuditEventRecordedV1.class::cast)
        .filter(e -> e.resource().equals(resource))
        .toList();
  }

  private static String staff(String role) {
    return TestTokens.issue("staff-" + role.toLowerCase(), List.of(role), Map.of());
  }
}
