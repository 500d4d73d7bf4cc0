package dev.marketplace.catalog;

import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.MongoTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole catalog-service on a random port against the testkit's real servers (MongoDB wire
 * protocol, Kafka), trusting tokens signed by {@link TestTokens}. Each context gets its own
 * database and topic prefix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CatalogIntegrationTest {

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestNamespace namespace = TestNamespace.forClass(CatalogIntegrationTest.class);
    MongoTestServer.register(registry, namespace);
    KafkaTestServer.register(registry, namespace);
    TestTokens.register(registry);
    registry.add("catalog.outbox.sweep-interval", () -> "200ms");
    registry.add("catalog.topic.partitions", () -> "2");
  }

  protected ApiClient anonymous() {
    return ApiClient.at("http://localhost:" + port);
  }

  protected ApiClient asVendor(String vendorId) {
    return anonymous().withToken(TestTokens.vendor(vendorId));
  }
}
