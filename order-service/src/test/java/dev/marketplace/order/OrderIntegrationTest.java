package dev.marketplace.order;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.RedisTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * order-service against real PostgreSQL, Redis and Kafka. Inventory and payment are played by the
 * test through their topics (the contracts in common-events); the end-to-end run with the real
 * services belongs to the local stack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OrderIntegrationTest {

  @LocalServerPort protected int port;
  @Autowired protected TopicNames topics;
  @Autowired protected KafkaTemplate<String, String> kafka;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    serversButRedis(registry, TestNamespace.forClass(OrderIntegrationTest.class));
    RedisTestServer.register(registry);
  }

  /** PostgreSQL, Kafka and the token issuer: for a test that chooses its own Redis. */
  public static void serversButRedis(DynamicPropertyRegistry registry, TestNamespace namespace) {
    PostgresTestServer.register(registry, namespace);
    KafkaTestServer.register(registry, namespace);
    TestTokens.register(registry);
  }

  protected ApiClient shopper(String customerId) {
    return ApiClient.at("http://localhost:" + port).withToken(TestTokens.shopper(customerId));
  }

  protected ApiClient vendor(String vendorId) {
    return ApiClient.at("http://localhost:" + port).withToken(TestTokens.vendor(vendorId));
  }

  /** Publishes a product the way catalog-service does, so the service can sell its SKUs. */
  protected void catalogHas(String productId, String vendorId, String sku, long priceMinor) {
    Instant now = Instant.now();
    send(
        Topics.CATALOG_PRODUCTS,
        new ProductChangedV1(
            productId,
            1,
            vendorId,
            ProductChangedV1.Status.PUBLISHED,
            "Product " + sku,
            null,
            null,
            null,
            Map.of(),
            List.of(new ProductChangedV1.Variant(sku, Map.of(), priceMinor, "EUR")),
            List.of(),
            now,
            now));
  }

  protected void send(String topic, Event payload) {
    kafka.send(
        topics.name(topic),
        payload.key(),
        EventJson.write(EventEnvelope.of("test", Instant.now(), null, payload)));
  }
}
