package dev.marketplace.search.index;

import static dev.marketplace.search.Products.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.audit.AuditEventRecordedV1;
import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import dev.marketplace.search.SearchIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rebuild replays the topic into a new index and switches the alias while searches keep working.
 */
class ReindexIT extends SearchIntegrationTest {

  @Autowired ProductIndex index;

  @Test
  void rebuildingKeepsEveryProductAndNeverFailsASearch() throws Exception {
    String tag = "r" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 50; i++) {
      publish(product().name("Rebuild item " + i).attributes(Map.of("tag", tag)).build());
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> total(tag) == 50);
    String before = index.currentIndices().iterator().next();

    AtomicBoolean searching = new AtomicBoolean(true);
    AtomicInteger searches = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Thread shopper =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (searching.get()) {
                    var response = api().get("/api/v1/search/products?attr.tag=" + tag);
                    searches.incrementAndGet();
                    if (response.status() != 200
                        || response.json().path("totalItems").asLong() != 50) {
                      failures.incrementAndGet();
                    }
                  }
                });

    ApiClient admin = api().withToken(TestTokens.issue("staff-1", List.of("ADMIN"), Map.of()));
    var started = admin.post("/api/v1/search/admin/reindex", null);
    assertThat(started.status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> admin.get("/api/v1/search/admin/reindex").json().path("state").asString(),
            "DONE"::equals);
    searching.set(false);
    shopper.join();

    var status = admin.get("/api/v1/search/admin/reindex").json();
    assertThat(status.at("/report/eventsReplayed").asLong()).isGreaterThanOrEqualTo(50);
    assertThat(index.currentIndices()).containsExactly(status.at("/report/index").asString());
    assertThat(index.currentIndices()).doesNotContain(before);
    assertThat(searches.get()).isPositive();
    assertThat(failures.get()).isZero();

    publish(product().name("After rebuild").attributes(Map.of("tag", tag)).build());
    await().atMost(Duration.ofSeconds(30)).until(() -> total(tag) == 51);
  }

  /**
   * A restarted instance (or a second replica) finds the alias already there: it keeps that index
   * and its products, and only adds the mapping's fields (the path a rolling deployment takes).
   */
  @Test
  void startingAgainstAnExistingIndexKeepsItAndItsProducts() throws Exception {
    String tag = "k" + UUID.randomUUID().toString().substring(0, 6);
    publish(product().name("Kept item").attributes(Map.of("tag", tag)).build());
    await().atMost(Duration.ofSeconds(15)).until(() -> total(tag) == 1);
    var before = index.currentIndices();

    index.ensureExists();

    assertThat(index.currentIndices()).isEqualTo(before);
    assertThat(total(tag)).isEqualTo(1);
  }

  @Test
  void onlyStaffMayRebuild() {
    var vendor =
        api().withToken(TestTokens.vendor("v-1")).post("/api/v1/search/admin/reindex", null);
    var nobody = api().post("/api/v1/search/admin/reindex", null);

    assertThat(vendor.status()).isEqualTo(403);
    assertThat(nobody.status()).isEqualTo(401);
    assertThat(auditedRebuilds())
        .as("refused rebuilds are in the audit trail, sent straight to Kafka (no outbox here)")
        .extracting(AuditEventRecordedV1::actor, AuditEventRecordedV1::outcome)
        .contains(tuple("vendor-user-v-1", Outcome.DENIED), tuple("anonymous", Outcome.DENIED));
  }

  private long total(String tag) {
    return api().get("/api/v1/search/products?attr.tag=" + tag).json().path("totalItems").asLong();
  }

  private List<AuditEventRecordedV1> auditedRebuilds() {
    try (TopicReader reader =
        new TopicReader(KafkaTestServer.bootstrapServers(), topics.name(Topics.AUDIT_EVENTS))) {
      return rebuilds(
          reader.readUntil(
              records ->
                  rebuilds(records).stream().map(AuditEventRecordedV1::actor).distinct().count()
                      >= 2,
              Duration.ofSeconds(30)));
    }
  }

  private static List<AuditEventRecordedV1> rebuilds(
      List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records) {
    return records.stream()
        .map(r -> EventJson.read(r.value()).payload())
        .filter(AuditEventRecordedV1.class::isInstance)
        .map(AuditEventRecordedV1.class::cast)
        .filter(e -> e.resource().equals("/api/v1/search/admin/reindex"))
        .toList();
  }
}
