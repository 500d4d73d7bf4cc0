package dev.marketplace.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.catalog.CatalogIntegrationTest;
import dev.marketplace.catalog.product.Money;
import dev.marketplace.catalog.product.Product;
import dev.marketplace.catalog.product.ProductDetails;
import dev.marketplace.catalog.product.ProductEvents;
import dev.marketplace.catalog.product.ProductRepository;
import dev.marketplace.catalog.product.ProductRequests;
import dev.marketplace.catalog.product.Variant;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Every saved change reaches the topic, even when the publisher fails or dies after the save. */
@TestPropertySource(
    properties =
        "spring.kafka.producer.value-serializer=dev.marketplace.catalog.outbox.SwitchableFailingSerializer")
class ProductEventPublishingIT extends CatalogIntegrationTest {

  @Autowired TopicNames topics;
  @Autowired ProductRepository products;
  @Autowired ProductEvents events;

  private final String vendor = "vendor-" + UUID.randomUUID();

  @AfterEach
  void publisherWorksAgain() {
    SwitchableFailingSerializer.failing = false;
  }

  @Test
  void everyChangePublishesTheNewStateInOrder() {
    ApiClient api = asVendor(vendor);
    String id =
        api.post("/api/v1/vendor/products", ProductRequests.lamp()).json().path("id").asString();
    api.post("/api/v1/vendor/products/" + id + "/publish", null);
    api.post("/api/v1/vendor/products/" + id + "/archive", null);

    List<ProductChangedV1> changes = eventsFor(id, 3);

    assertThat(changes)
        .extracting(ProductChangedV1::productVersion, ProductChangedV1::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, ProductChangedV1.Status.DRAFT),
            org.assertj.core.groups.Tuple.tuple(2L, ProductChangedV1.Status.PUBLISHED),
            org.assertj.core.groups.Tuple.tuple(3L, ProductChangedV1.Status.ARCHIVED));
    assertThat(changes.getFirst().vendorId()).isEqualTo(vendor);
    assertThat(changes.getFirst().variants().getFirst().priceMinor()).isEqualTo(4999);
    await().atMost(Duration.ofSeconds(30)).until(() -> pendingCount(id) == 0);
  }

  @Test
  void aProductSavedWhileThePublisherFailsIsPublishedOnceItRecovers() {
    SwitchableFailingSerializer.failing = true;
    ApiClient api = asVendor(vendor);

    var created = api.post("/api/v1/vendor/products", ProductRequests.lamp());
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("id").asString();

    try (TopicReader reader = reader()) {
      assertThat(keyed(reader.readFor(Duration.ofSeconds(2)), id)).isEmpty();
      assertThat(pendingCount(id)).isEqualTo(1);

      SwitchableFailingSerializer.failing = false;

      var published =
          reader.readUntil(records -> !keyed(records, id).isEmpty(), Duration.ofSeconds(15));
      assertThat(keyed(published, id)).hasSize(1);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> pendingCount(id) == 0);
  }

  @Test
  void eventsLeftBehindByACrashAfterTheSaveArePublishedByTheSweep() {
    // The state a crash leaves: the product and its event are saved, but nothing was sent.
    Product product =
        Product.create(
            UUID.randomUUID().toString(),
            vendor,
            new ProductDetails(
                "Oak shelf",
                null,
                "Woodline",
                null,
                Map.of(),
                List.of(new Variant("OAK-1", Map.of(), new Money(2500, "EUR"))),
                List.of()),
            Instant.now());
    product.addPendingEvents(events.pending(product.takeRecorded()));
    Product saved = products.save(product);

    List<ProductChangedV1> changes = eventsFor(saved.id(), 1);

    assertThat(changes).extracting(ProductChangedV1::name).containsExactly("Oak shelf");
    await().atMost(Duration.ofSeconds(30)).until(() -> pendingCount(saved.id()) == 0);
  }

  private List<ProductChangedV1> eventsFor(String productId, int expected) {
    try (TopicReader reader = reader()) {
      var records =
          reader.readUntil(r -> keyed(r, productId).size() >= expected, Duration.ofSeconds(15));
      return keyed(records, productId).stream()
          .map(r -> EventJson.read(r.value()))
          .map(EventEnvelope::payload)
          .map(ProductChangedV1.class::cast)
          .toList();
    }
  }

  private TopicReader reader() {
    return new TopicReader(
        KafkaTestServer.bootstrapServers(), topics.name(Topics.CATALOG_PRODUCTS));
  }

  private static List<ConsumerRecord<String, String>> keyed(
      List<ConsumerRecord<String, String>> records, String key) {
    return records.stream().filter(r -> key.equals(r.key())).toList();
  }

  private int pendingCount(String productId) {
    return products.findById(productId).orElseThrow().pendingEvents().size();
  }
}
