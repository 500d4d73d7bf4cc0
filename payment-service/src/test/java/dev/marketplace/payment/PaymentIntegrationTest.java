package dev.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * payment-service against real PostgreSQL and Kafka, with the simulated provider at the edge.
 * Subclasses with the same configuration share one application context (and database), so each test
 * uses fresh order and customer ids. After every test the ledger must balance and agree with the
 * payments.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "marketplace.payment.provider-retry.max-attempts=" + PaymentIntegrationTest.PROVIDER_ATTEMPTS,
      "marketplace.payment.provider-retry.initial-interval=20ms",
      "marketplace.payment.provider-retry.max-interval=100ms",
      "marketplace.kafka.retry.attempts=2",
      "marketplace.kafka.retry.initial-interval=50ms"
    })
public abstract class PaymentIntegrationTest {

  /** Provider calls per operation in tests: the first and two retries. */
  public static final int PROVIDER_ATTEMPTS = 3;

  public static final String APPROVE = "4242424242424242";
  public static final String DECLINE = "4000000000000002";
  public static final String INSUFFICIENT_FUNDS = "4000000000009995";
  public static final String TIMEOUT = "4000000000000119";

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static KafkaProducer<String, String> producer;

  @LocalServerPort protected int port;
  @Autowired protected TopicNames topics;
  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestNamespace namespace = TestNamespace.forClass(PaymentIntegrationTest.class);
    PostgresTestServer.register(registry, namespace);
    KafkaTestServer.register(registry, namespace);
    TestTokens.register(registry);
  }

  @AfterEach
  void theLedgerBalancesAndAgreesWithThePayments() {
    LedgerAssertions.assertConsistent(jdbc);
  }

  protected ApiClient api(String token) {
    return ApiClient.at("http://localhost:" + port).withToken(token);
  }

  protected static String newId(String kind) {
    return kind + "-" + UUID.randomUUID();
  }

  /** A card body as a shopper's app sends it, valid unless the test changes it. */
  protected static Map<String, Object> card(String number) {
    YearMonth expiry = YearMonth.now().plusYears(3);
    return Map.of(
        "number",
        number,
        "expiryMonth",
        expiry.getMonthValue(),
        "expiryYear",
        expiry.getYear(),
        "cvc",
        "123",
        "holderName",
        "Ada Lovelace");
  }

  /** Tokenises a card for the shopper and returns its id (the saga's card token). */
  protected String addCard(String customerId, String number) {
    var created = api(TestTokens.shopper(customerId)).post("/api/v1/payment-methods", card(number));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  protected static AuthorizePaymentV1 authorize(
      String orderId, String customerId, String cardToken, long amountMinor) {
    return new AuthorizePaymentV1(orderId, customerId, cardToken, amountMinor, "EUR");
  }

  protected static <T extends Event> EventEnvelope<T> envelope(T command) {
    return EventEnvelope.of("order-service", Instant.now(), null, command);
  }

  /** Sends a command in a new envelope and returns the envelope. */
  protected <T extends Event> EventEnvelope<T> send(T command) {
    EventEnvelope<T> envelope = envelope(command);
    send(envelope);
    return envelope;
  }

  protected void send(EventEnvelope<?> envelope) {
    sendRaw(envelope.key(), EventJson.write(envelope));
  }

  protected void sendRaw(String key, String value) {
    try {
      producer().send(new ProducerRecord<>(topics.name(Topics.PAYMENT_COMMANDS), key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The replies for the order once there are at least {@code count}, in order of arrival. */
  protected List<Event> replies(String orderId, int count) {
    try (TopicReader reader =
        new TopicReader(KafkaTestServer.bootstrapServers(), topics.name(Topics.PAYMENT_REPLIES))) {
      List<Event> replies =
          reader.readUntil(records -> keyed(records, orderId).size() >= count, WAIT).stream()
              .filter(record -> orderId.equals(record.key()))
              .map(record -> (Event) EventJson.read(record.value()).payload())
              .toList();
      assertThat(replies).as("replies for order " + orderId).hasSizeGreaterThanOrEqualTo(count);
      return replies;
    }
  }

  /** The order's only reply, after waiting for it. */
  protected <T extends Event> T reply(String orderId, Class<T> type) {
    List<Event> replies = replies(orderId, 1);
    assertThat(replies).hasSize(1);
    assertThat(replies.getFirst()).isInstanceOf(type);
    return type.cast(replies.getFirst());
  }

  /** Dead-lettered commands with this key, once there are at least {@code count}. */
  protected List<ConsumerRecord<String, String>> deadLetters(String key, int count) {
    try (TopicReader reader =
        new TopicReader(
            KafkaTestServer.bootstrapServers(),
            topics.deadLetter(topics.name(Topics.PAYMENT_COMMANDS)))) {
      List<ConsumerRecord<String, String>> records =
          keyed(reader.readUntil(all -> keyed(all, key).size() >= count, WAIT), key);
      assertThat(records).as("dead letters with key " + key).hasSizeGreaterThanOrEqualTo(count);
      return records;
    }
  }

  /** How often the simulated provider was called with this idempotency key (0 if never). */
  protected int providerCalls(String idempotencyKey) {
    return jdbc.sql("SELECT calls FROM simulated_provider_request WHERE idempotency_key = ?")
        .param(idempotencyKey)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /** Authorisations the simulated provider holds for an order. */
  protected int providerAuthorizations(String orderId) {
    return jdbc.sql(
            "SELECT count(*) FROM simulated_provider_authorization WHERE idempotency_key = ?")
        .param("authorize:" + orderId)
        .query(Integer.class)
        .single();
  }

  private static List<ConsumerRecord<String, String>> keyed(
      List<ConsumerRecord<String, String>> records, String key) {
    return records.stream().filter(record -> key.equals(record.key())).toList();
  }

  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  KafkaTestServer.bootstrapServers(),
                  ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                  StringSerializer.class,
                  ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                  StringSerializer.class));
      KafkaProducer<String, String> created = producer;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> created.close(Duration.ofSeconds(1)), "test-producer-close"));
    }
    return producer;
  }
}
