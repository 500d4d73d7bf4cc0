package dev.marketplace.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.testapp.LedgerApplication;
import dev.marketplace.platform.testapp.Notes;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.TcpProxy;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The outbox against real PostgreSQL and a real broker: what commits is published, what rolls back
 * is not, and an event survives Kafka being unreachable and the service stopping before it sent the
 * event. The broker advertises a proxy, so cutting the proxy is a real outage.
 */
class OutboxIT {

  private static final TcpProxy PROXY = TcpProxy.onFreePort();
  private static final EmbeddedKafkaKraftBroker BROKER =
      KafkaTestServer.startPrivateBroker(
          Map.of("advertised.listeners", "EXTERNAL://localhost:" + PROXY.port()));
  private static final TestNamespace NAMESPACE = TestNamespace.forClass(OutboxIT.class);
  private static final String DATABASE = PostgresTestServer.createDatabase(NAMESPACE);
  private static final String TOPIC = Topics.prefixed(NAMESPACE.name(), Topics.CATALOG_PRODUCTS);

  static {
    String real = BROKER.getBrokersAsString();
    PROXY.forwardTo("localhost", Integer.parseInt(real.substring(real.lastIndexOf(':') + 1)));
    // Up front, as services declare their topics: a reader subscribed to a missing topic would
    // not see it created until its next metadata refresh, minutes later.
    BROKER.addTopics(TOPIC);
  }

  private ConfigurableApplicationContext service;
  private TopicReader topic;

  @BeforeEach
  void start() {
    service = startService();
    topic = new TopicReader("localhost:" + PROXY.port(), TOPIC);
  }

  @AfterEach
  void stop() {
    PROXY.restore();
    topic.close();
    service.close();
  }

  @AfterAll
  static void stopBroker() {
    PROXY.close();
    BROKER.destroy();
  }

  @Test
  void aCommittedChangeIsPublishedKeyedByAggregateAndLeavesNothingPending() {
    String id = newId();

    notes().write(id);

    List<ConsumerRecord<String, String>> records = recordsFor(id);
    var envelope = EventJson.read(records.getFirst().value());
    assertThat(envelope.source()).isEqualTo("ledger-test");
    assertThat(((ProductChangedV1) envelope.payload()).name()).isEqualTo("Note " + id);
    awaitNothingPending();
    // One event (a slow send may be resent: the same event twice, which inboxes recognise).
    assertOneEventPublished(id);
  }

  @Test
  void aRolledBackChangeIsNeverPublished() {
    String rolledBack = newId();
    String committed = newId();

    assertThatThrownBy(() -> notes().writeThenFail(rolledBack))
        .isInstanceOf(IllegalStateException.class);
    notes().write(committed);

    recordsFor(committed);
    assertThat(topic.readFor(Duration.ofSeconds(1))).noneMatch(r -> rolledBack.equals(r.key()));
    assertThat(notes().exists(rolledBack)).isFalse();
    awaitNothingPending();
  }

  @Test
  void publishingOutsideATransactionIsRefusedRatherThanLost() {
    Outbox outbox = service.getBean(Outbox.class);

    assertThatThrownBy(
            () -> outbox.publish(Topics.CATALOG_PRODUCTS, Notes.event("outside-a-transaction")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transaction");
  }

  @Test
  void aChangeCommittedWhileKafkaIsUnreachableIsPublishedWhenItIsBack() {
    String id = newId();
    PROXY.cut();

    notes().write(id);

    assertThat(notes().exists(id)).isTrue();
    await().atMost(Duration.ofSeconds(15)).until(() -> publications("status = 'FAILED'") == 1);
    // What operators are alerted on: a backlog that is not draining, and its age.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(gauge("marketplace.outbox.pending")).isEqualTo(1);
              assertThat(gauge("marketplace.outbox.oldest.pending.age")).isGreaterThan(1);
            });
    PROXY.restore();
    assertOneEventPublished(id);
    awaitNothingPending();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(gauge("marketplace.outbox.pending")).isZero();
              assertThat(gauge("marketplace.outbox.oldest.pending.age")).isZero();
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void whatFollowsASendRunsOffTheProducersNetworkThread() throws Exception {
    KafkaTemplate<Object, Object> kafka = service.getBean(KafkaTemplate.class);

    // Modulith chains its bookkeeping (a JDBC update that may wait for a pooled connection) onto
    // each send like this; on the producer's one network thread that wait would stall every send.
    String thread =
        kafka
            .send(TOPIC, "probe-" + newId(), "{}")
            .thenApply(sent -> Thread.currentThread().getName())
            .get(10, TimeUnit.SECONDS);

    assertThat(thread).doesNotStartWith("kafka-producer-network-thread");
  }

  private double gauge(String name) {
    return service.getBean(MeterRegistry.class).get(name).gauge().value();
  }

  @Test
  void aChangeTheServiceStoppedBeforeSendingIsSentByTheNextInstance() {
    String id = newId();
    PROXY.cut();
    notes().write(id);
    service.close(); // stops with the event unsent: Kafka was never reachable

    PROXY.restore();
    service = startService();

    assertOneEventPublished(id);
    awaitNothingPending();
  }

  private Notes notes() {
    return service.getBean(Notes.class);
  }

  private List<ConsumerRecord<String, String>> recordsFor(String id) {
    return topic
        .readUntil(
            r -> r.stream().anyMatch(record -> id.equals(record.key())), Duration.ofSeconds(45))
        .stream()
        .filter(record -> id.equals(record.key()))
        .toList();
  }

  /**
   * After an outage a record may be sent twice (a send whose acknowledgement was lost is sent
   * again): at least once, and every copy is the same event, which consumers' inboxes recognise.
   */
  private void assertOneEventPublished(String id) {
    assertThat(recordsFor(id))
        .isNotEmpty()
        .extracting(record -> EventJson.read(record.value()).id())
        .containsOnly(EventJson.read(recordsFor(id).getFirst().value()).id());
  }

  private long publications(String condition) {
    return service
        .getBean(JdbcClient.class)
        .sql("SELECT count(*) FROM event_publication WHERE " + condition)
        .query(Long.class)
        .single();
  }

  private void awaitNothingPending() {
    await().atMost(Duration.ofSeconds(30)).until(() -> publications("true") == 0);
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  private static ConfigurableApplicationContext startService() {
    return new SpringApplicationBuilder(LedgerApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--spring.datasource.url=" + DATABASE,
            "--spring.datasource.username=" + PostgresTestServer.user(),
            "--spring.datasource.password=" + PostgresTestServer.password(),
            "--spring.kafka.bootstrap-servers=localhost:" + PROXY.port(),
            "--marketplace.kafka.topic-prefix=" + NAMESPACE.name(),
            // Fail and recover fast: the production values are minutes and tens of seconds.
            "--spring.kafka.producer.properties.max.block.ms=1000",
            "--spring.kafka.producer.properties.request.timeout.ms=1000",
            "--spring.kafka.producer.properties.delivery.timeout.ms=2000",
            "--spring.modulith.events.staleness.published=2s",
            "--spring.modulith.events.staleness.processing=4s",
            "--spring.modulith.events.staleness.resubmission=4s",
            "--spring.modulith.events.staleness.check-intervall=500ms",
            "--marketplace.outbox.resubmit-interval=500ms");
  }
}
