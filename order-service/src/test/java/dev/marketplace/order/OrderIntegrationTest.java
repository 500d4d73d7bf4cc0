package dev.marketplace.order;

import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.Ports;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.RedisTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * order-service against real PostgreSQL, Redis and Kafka, one database and one set of topics shared
 * by the test classes that extend this (one application context for all). Inventory and payment are
 * played by the test through their topics; the end-to-end run with the real services belongs to the
 * local stack.
 */
public abstract class OrderIntegrationTest extends RunningOrderService {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    serversButRedis(registry, TestNamespace.forClass(OrderIntegrationTest.class));
    RedisTestServer.register(registry);
  }

  /**
   * PostgreSQL, Kafka, the token issuer and the keys that seal delivery addresses: for a test that
   * chooses its own Redis. No customer-service runs here, so a checkout naming a saved address
   * finds none listening (the local stack's tests read saved addresses for real).
   */
  public static void serversButRedis(DynamicPropertyRegistry registry, TestNamespace namespace) {
    PostgresTestServer.register(registry, namespace);
    KafkaTestServer.register(registry, namespace);
    TestTokens.register(registry);
    registry.add("marketplace.privacy.encryption-keys.k1", () -> ENCRYPTION_KEY);
    registry.add("marketplace.privacy.active-key", () -> "k1");
    registry.add("marketplace.carriers.secrets.demo-post", () -> CARRIER_SECRET);
    int nothingListens = Ports.free();
    registry.add("marketplace.orders.customers.uri", () -> "http://127.0.0.1:" + nothingListens);
  }

  /** The secret the carrier "demo-post" signs its webhooks with here. */
  public static final String CARRIER_SECRET = "demo-post-signing-secret";

  private static final String ENCRYPTION_KEY =
      java.util.Base64.getEncoder()
          .encodeToString(new java.security.SecureRandom().generateSeed(32));
}
