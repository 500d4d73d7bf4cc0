package dev.marketplace.search;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.SearchTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs search-service against the testkit's real Kafka broker and search engine (OpenSearch in a
 * child JVM, or Elasticsearch 9 with -Pdocker). Events are published to the product topic the way
 * catalog-service publishes them, and to the availability topic the way inventory-service does;
 * each context has its own topic prefix, index prefix and group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SearchIntegrationTest {

  @LocalServerPort protected int port;
  @Autowired protected KafkaTemplate<String, String> kafka;
  @Autowired protected TopicNames topics;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestNamespace namespace = TestNamespace.forClass(SearchIntegrationTest.class);
    KafkaTestServer.register(registry, namespace);
    SearchTestServer.register(registry, namespace);
    TestTokens.register(registry);
    registry.add("spring.kafka.consumer.group-id", () -> namespace.name() + "-search");
    registry.add("marketplace.search.replicas", () -> "0");
    registry.add("marketplace.kafka.retry.initial-interval", () -> "50ms");
  }

  protected ApiClient api() {
    return ApiClient.at("http://localhost:" + port);
  }

  /** Publishes a product event as catalog-service would (same topic, key and envelope). */
  protected void publish(ProductChangedV1 product) {
    EventEnvelope<ProductChangedV1> envelope =
        EventEnvelope.of("catalog-service", Instant.now(), null, product);
    send(product.productId(), EventJson.write(envelope));
  }

  protected void send(String key, String value) {
    send(Topics.CATALOG_PRODUCTS, key, value);
  }

  /** Publishes an availability event as inventory-service would (key {@code vendorId:sku}). */
  protected void publish(StockAvailabilityChangedV1 availability) {
    EventEnvelope<StockAvailabilityChangedV1> envelope =
        EventEnvelope.of("inventory-service", Instant.now(), null, availability);
    send(Topics.INVENTORY_AVAILABILITY, availability.key(), EventJson.write(envelope));
  }

  protected void send(String topic, String key, String value) {
    try {
      kafka.send(topics.name(topic), key, value).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
