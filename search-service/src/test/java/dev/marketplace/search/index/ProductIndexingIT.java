package dev.marketplace.search.index;

import static dev.marketplace.search.Products.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1.Status;
import dev.marketplace.search.SearchIntegrationTest;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The index follows product events: newest version wins, whatever the order or the repetition. */
class ProductIndexingIT extends SearchIntegrationTest {

  @Test
  void aPublishedProductBecomesSearchable() {
    String id = UUID.randomUUID().toString();
    publish(product().id(id).name("Walnut bookshelf " + id.substring(0, 6)).build());

    await().atMost(Duration.ofSeconds(30)).until(() -> names("walnut bookshelf").size() == 1);
  }

  @Test
  void olderAndRepeatedEventsNeverOverwriteANewerVersion() {
    String id = UUID.randomUUID().toString();
    publish(product().id(id).version(1).name("Ceramic vase first").build());
    publish(product().id(id).version(3).name("Ceramic vase third").build());
    publish(product().id(id).version(2).name("Ceramic vase second").build());
    publish(product().id(id).version(3).name("Ceramic vase third").build());
    publish(product().id(id).version(1).name("Ceramic vase first").build());
    String marker = UUID.randomUUID().toString().substring(0, 8);
    publish(product().name("Marker " + marker).build());

    // The marker comes after every vase event in the partition order of this single-key stream...
    // or
    // not (different keys may sit in different partitions), so wait for the vase itself to settle
    // too.
    await().atMost(Duration.ofSeconds(30)).until(() -> names(marker).size() == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(names("ceramic vase")).containsExactly("Ceramic vase third"));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(11))
        .untilAsserted(
            () -> assertThat(names("ceramic vase")).containsExactly("Ceramic vase third"));
  }

  @Test
  void archivingRemovesAProductAndALateOlderEventDoesNotBringItBack() {
    String id = UUID.randomUUID().toString();
    publish(product().id(id).version(1).name("Linen curtain").build());
    await().atMost(Duration.ofSeconds(30)).until(() -> names("linen curtain").size() == 1);

    publish(product().id(id).version(2).status(Status.ARCHIVED).name("Linen curtain").build());
    await().atMost(Duration.ofSeconds(30)).until(() -> names("linen curtain").isEmpty());

    publish(product().id(id).version(1).name("Linen curtain").build());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(12))
        .until(() -> names("linen curtain").isEmpty());
  }

  @Test
  void aMalformedEventGoesToTheDeadLetterTopicAndOthersStillFlow() {
    String poison = "poison-" + UUID.randomUUID();
    send(poison, "{\"this is\": \"not an event\"");
    String id = UUID.randomUUID().toString();
    publish(product().id(id).name("Velvet armchair").build());

    await().atMost(Duration.ofSeconds(15)).until(() -> names("velvet armchair").size() == 1);
    try (TopicReader deadLetters =
        new TopicReader(
            KafkaTestServer.bootstrapServers(),
            topics.deadLetter(topics.name(Topics.CATALOG_PRODUCTS)))) {
      var records =
          deadLetters.readUntil(
              r -> r.stream().anyMatch(record -> poison.equals(record.key())),
              Duration.ofSeconds(15));
      assertThat(records).anyMatch(r -> poison.equals(r.key()));
    }
  }

  private List<String> names(String query) {
    var response = api().get("/api/v1/search/products?q=" + query.replace(" ", "+"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode items = response.json().path("items");
    return items.findValuesAsString("name");
  }
}
