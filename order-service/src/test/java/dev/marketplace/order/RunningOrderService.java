package dev.marketplace.order;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * order-service on a random port, and what tests do to it: act as shoppers and vendors, and play
 * catalog, inventory and payment through their topics (the contracts in common-events). Which
 * servers it runs against is the subclass's choice; most tests share them ({@link
 * OrderIntegrationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningOrderService {

  @LocalServerPort protected int port;
  @Autowired protected TopicNames topics;
  @Autowired protected KafkaTemplate<String, String> kafka;

  protected ApiClient shopper(String customerId) {
    return ApiClient.at("http://localhost:" + port).withToken(TestTokens.shopper(customerId));
  }

  protected ApiClient vendor(String vendorId) {
    return ApiClient.at("http://localhost:" + port).withToken(TestTokens.vendor(vendorId));
  }

  /** Publishes a product the way catalog-service does, so the service can sell its SKUs. */
  protected void catalogHas(String productId, String vendorId, String sku, long priceMinor) {
    catalogHas(productId, 1, ProductChangedV1.Status.PUBLISHED, vendorId, sku, priceMinor);
  }

  /** A catalog event at a given version and status (a later version archives, for example). */
  protected void catalogHas(
      String productId,
      long version,
      ProductChangedV1.Status status,
      String vendorId,
      String sku,
      long priceMinor) {
    Instant now = Instant.now();
    send(
        Topics.CATALOG_PRODUCTS,
        new ProductChangedV1(
            productId,
            version,
            vendorId,
            status,
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
