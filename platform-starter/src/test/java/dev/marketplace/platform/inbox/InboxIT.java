package dev.marketplace.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.platform.testapp.AppliedEvents;
import dev.marketplace.platform.testapp.LedgerApplication;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.TestNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The inbox against real PostgreSQL and a real broker: every event has its effect exactly once. */
@SpringBootTest(
    classes = LedgerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "ledger.consume=true")
class InboxIT {

  @Autowired Inbox inbox;
  @Autowired AppliedEvents applied;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired TopicNames topics;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestNamespace namespace = TestNamespace.forClass(InboxIT.class);
    PostgresTestServer.register(registry, namespace);
    KafkaTestServer.register(registry, namespace);
  }

  @Test
  void anEventDeliveredTwiceHasItsEffectOnce() throws Exception {
    EventEnvelope<ProductChangedV1> event = event("delivered-twice");
    EventEnvelope<ProductChangedV1> next = event("delivered-once");
    String topic = topics.name(Topics.CATALOG_PRODUCTS);

    kafka.send(topic, event.key(), EventJson.write(event)).get();
    kafka.send(topic, event.key(), EventJson.write(event)).get();
    kafka.send(topic, next.key(), EventJson.write(next)).get();

    // Records of one key are consumed in order: once the last is applied, the repeat was seen.
    await().atMost(Duration.ofSeconds(30)).until(() -> applied.timesApplied(next.id()) == 1);
    assertThat(applied.timesApplied(event.id())).isEqualTo(1);
  }

  @Test
  void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
    UUID eventId = UUID.randomUUID();

    try (var threads = Executors.newFixedThreadPool(8)) {
      List<CompletableFuture<Boolean>> deliveries =
          IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> inbox.handleOnce("racer", eventId, () -> applied.apply(eventId)),
                          threads))
              .toList();
      long handled = deliveries.stream().filter(CompletableFuture::join).count();
      assertThat(handled).isEqualTo(1);
    }
    assertThat(applied.timesApplied(eventId)).isEqualTo(1);
  }

  @Test
  void aFailedEffectLeavesTheEventUnhandledSoTheRetryAppliesIt() {
    UUID eventId = UUID.randomUUID();

    assertThatThrownBy(
            () ->
                inbox.handleOnce(
                    "flaky",
                    eventId,
                    () -> {
                      applied.apply(eventId);
                      throw new IllegalStateException("effect failed half-way");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(applied.timesApplied(eventId)).isZero();

    assertThat(inbox.handleOnce("flaky", eventId, () -> applied.apply(eventId))).isTrue();
    assertThat(applied.timesApplied(eventId)).isEqualTo(1);
  }

  @Test
  void consumersKeepSeparateInboxes() {
    UUID eventId = UUID.randomUUID();

    assertThat(inbox.handleOnce("search", eventId, () -> {})).isTrue();
    assertThat(inbox.handleOnce("orders", eventId, () -> {})).isTrue();
    assertThat(inbox.handleOnce("orders", eventId, () -> {})).isFalse();
  }

  @Test
  void entriesOlderThanTheRetentionArePurged() {
    UUID old = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    inbox.handleOnce("purge", old, () -> {});
    inbox.handleOnce("purge", recent, () -> {});
    jdbc.sql("UPDATE inbox_event SET handled_at = now() - interval '15 days' WHERE event_id = ?")
        .param(old)
        .update();

    inbox.purge();

    assertThat(inbox.handleOnce("purge", old, () -> {})).isTrue();
    assertThat(inbox.handleOnce("purge", recent, () -> {})).isFalse();
  }

  private static EventEnvelope<ProductChangedV1> event(String id) {
    Instant now = Instant.now();
    return EventEnvelope.of(
        "inbox-test",
        now,
        null,
        new ProductChangedV1(
            id,
            1,
            "vendor-1",
            ProductChangedV1.Status.DRAFT,
            id,
            null,
            null,
            null,
            Map.of(),
            List.of(),
            List.of(),
            now,
            now));
  }
}
