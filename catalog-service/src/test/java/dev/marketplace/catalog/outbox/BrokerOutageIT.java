package dev.marketplace.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.catalog.product.ProductRepository;
import dev.marketplace.catalog.product.ProductRequests;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.MongoTestServer;
import dev.marketplace.testkit.TcpProxy;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka is unreachable while a vendor saves a product (and is told it is saved); when Kafka is
 * back, the product's event is published. The broker of this class advertises a proxy, and cutting
 * the proxy takes the broker off the network for every client while it keeps its data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokerOutageIT {

  private static final TcpProxy PROXY = TcpProxy.onFreePort();
  private static final EmbeddedKafkaKraftBroker BROKER =
      KafkaTestServer.startPrivateBroker(
          Map.of("advertised.listeners", "EXTERNAL://localhost:" + PROXY.port()));

  static {
    String real = BROKER.getBrokersAsString();
    PROXY.forwardTo("localhost", Integer.parseInt(real.substring(real.lastIndexOf(':') + 1)));
  }

  @LocalServerPort int port;
  @Autowired TopicNames topics;
  @Autowired ProductRepository products;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestNamespace namespace = TestNamespace.forClass(BrokerOutageIT.class);
    MongoTestServer.register(registry, namespace);
    TestTokens.register(registry);
    registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + PROXY.port());
    registry.add("marketplace.kafka.topic-prefix", namespace::name);
    registry.add("catalog.outbox.sweep-interval", () -> "300ms");
    registry.add("catalog.topic.partitions", () -> "1");
  }

  @AfterAll
  static void stopBroker() {
    PROXY.close();
    BROKER.destroy();
  }

  @Test
  void aProductSavedWhileKafkaIsUnreachableIsPublishedWhenItIsBack() {
    PROXY.cut();

    var created =
        ApiClient.at("http://localhost:" + port)
            .withToken(TestTokens.vendor("outage-vendor"))
            .post("/api/v1/vendor/products", ProductRequests.lamp());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(12))
        .until(() -> products.findById(id).orElseThrow().pendingEvents().size() == 1);

    PROXY.restore();

    try (TopicReader reader =
        new TopicReader("localhost:" + PROXY.port(), topics.name(Topics.CATALOG_PRODUCTS))) {
      var records =
          reader.readUntil(
              r -> r.stream().anyMatch(record -> id.equals(record.key())), Duration.ofSeconds(60));
      var events =
          records.stream()
              .filter(r -> id.equals(r.key()))
              .map(r -> EventJson.read(r.value()))
              .toList();
      assertThat(events).isNotEmpty();
      assertThat(((ProductChangedV1) events.getFirst().payload()).name())
          .isEqualTo("Brass desk lamp");
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> products.findById(id).orElseThrow().pendingEvents().isEmpty());
  }
}
