package dev.marketplace.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * inventory-service on a random port against real PostgreSQL and Kafka, trusting tokens signed by
 * {@link TestTokens}. All subclasses share one context (one database, one topic prefix), so each
 * test uses its own vendor, SKUs and orders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class InventoryIntegrationTest {

  protected static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort protected int port;
  @Autowired protected KafkaTemplate<String, String> kafka;
  @Autowired protected TopicNames topics;
  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestNamespace namespace = TestNamespace.forClass(InventoryIntegrationTest.class);
    PostgresTestServer.register(registry, namespace);
    KafkaTestServer.register(registry, namespace);
    TestTokens.register(registry);
    registry.add("inventory.kafka.group-id", namespace::name);
    registry.add("inventory.reservations.sweep-interval", () -> "200ms");
    registry.add("marketplace.kafka.retry.initial-interval", () -> "50ms");
  }

  protected ApiClient anonymous() {
    return ApiClient.at("http://localhost:" + port);
  }

  protected ApiClient asVendor(String vendorId) {
    return anonymous().withToken(TestTokens.vendor(vendorId));
  }

  protected static String newVendor() {
    return "vendor-" + UUID.randomUUID();
  }

  protected static String newSku(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Publishes a product with these SKUs as catalog-service would, and waits until it is known. */
  protected void catalogHas(String vendorId, String... skus) {
    String productId = "product-" + UUID.randomUUID();
    publishProduct(product(productId, 1, vendorId, skus));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                Arrays.stream(skus)
                    .allMatch(
                        sku ->
                            asVendor(vendorId).get("/api/v1/vendor/skus/" + sku).status() == 200));
  }

  protected static ProductChangedV1 product(
      String productId, long version, String vendorId, String... skus) {
    Instant now = Instant.now();
    return new ProductChangedV1(
        productId,
        version,
        vendorId,
        ProductChangedV1.Status.PUBLISHED,
        "Product " + productId,
        null,
        null,
        null,
        Map.of(),
        Arrays.stream(skus)
            .map(sku -> new ProductChangedV1.Variant(sku, Map.of(), 1999, "EUR"))
            .toList(),
        List.of(),
        now,
        now);
  }

  protected void publishProduct(ProductChangedV1 product) {
    send(
        Topics.CATALOG_PRODUCTS,
        product.productId(),
        EventJson.write(EventEnvelope.of("catalog-service", Instant.now(), null, product)));
  }

  /** Opens a location for the vendor and returns its id. */
  protected String location(String vendorId, String kind) {
    var created =
        asVendor(vendorId)
            .post("/api/v1/vendor/locations", Map.of("name", kind + " " + vendorId, "kind", kind));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** Sets a counted level the way a vendor does: read the version, then PUT with If-Match. */
  protected void stock(String vendorId, String locationId, String sku, int onHand) {
    String path = "/api/v1/vendor/locations/" + locationId + "/stock/" + sku;
    var current = asVendor(vendorId).get(path);
    assertThat(current.status()).as(current.toString()).isEqualTo(200);
    var set =
        asVendor(vendorId)
            .withHeader("If-Match", current.header("ETag"))
            .put(path, Map.of("onHand", onHand));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
  }

  protected ApiClient.Response level(String vendorId, String locationId, String sku) {
    return asVendor(vendorId).get("/api/v1/vendor/locations/" + locationId + "/stock/" + sku);
  }

  /** Reserves as the saga does and returns the reply. */
  protected Event reserve(String orderId, StockLine... lines) {
    command(
        new ReserveStockV1(orderId, List.of(lines), Instant.now().plus(Duration.ofMinutes(15))));
    return replies(orderId, 1).getFirst();
  }

  /** The first {@code count} replies to an order, in the order they arrived. */
  protected List<Event> replies(String orderId, int count) {
    try (TopicReader reader = reader(Topics.INVENTORY_REPLIES)) {
      List<Event> replies = payloads(reader, orderId, all -> all.size() >= count);
      assertThat(replies).as("replies to " + orderId).hasSizeGreaterThanOrEqualTo(count);
      return replies.subList(0, count);
    }
  }

  /** Sends a saga command as order-service would, returning its envelope. */
  protected <T extends Event> EventEnvelope<T> command(T payload) {
    EventEnvelope<T> envelope = EventEnvelope.of("order-service", Instant.now(), null, payload);
    sendCommand(envelope);
    return envelope;
  }

  protected void sendCommand(EventEnvelope<?> envelope) {
    send(Topics.INVENTORY_COMMANDS, envelope.key(), EventJson.write(envelope));
  }

  protected void send(String topic, String key, String value) {
    try {
      kafka.send(topics.name(topic), key, value).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a topic of this context from its beginning. */
  protected TopicReader reader(String topic) {
    return new TopicReader(KafkaTestServer.bootstrapServers(), topics.name(topic));
  }

  /** The payloads on a topic whose key is {@code key}, once {@code until} holds for them. */
  protected static List<Event> payloads(
      TopicReader reader, String key, Predicate<List<Event>> until) {
    List<ConsumerRecord<String, String>> records =
        reader.readUntil(all -> until.test(payloadsOf(all, key)), PATIENCE);
    return payloadsOf(records, key);
  }

  protected static List<Event> payloadsOf(
      List<ConsumerRecord<String, String>> records, String key) {
    return records.stream()
        .filter(r -> key.equals(r.key()))
        .map(r -> EventJson.read(r.value()).payload())
        .toList();
  }
}
