package dev.marketplace.order;

import dev.marketplace.testkit.KafkaTestServer;
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

  /** PostgreSQL, Kafka and the token issuer: for a test that chooses its own Redis. */
  public static void serversButRedis(DynamicPropertyRegistry registry, TestNamespace namespace) {
    PostgresTestServer.register(registry, namespace);
    KafkaTestServer.register(registry, namespace);
    TestTokens.register(registry);
  }
}
