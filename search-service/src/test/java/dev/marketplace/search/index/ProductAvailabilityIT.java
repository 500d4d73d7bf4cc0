package dev.marketplace.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1.Level;
import dev.marketplace.search.Products;
import dev.marketplace.search.SearchIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The in-stock filter and the availability facet follow inventory's availability events, whatever
 * their order or repetition, and whether stock or product arrives first.
 */
class ProductAvailabilityIT extends SearchIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Autowired StockIndex stockIndex;
  @Autowired MeterRegistry meters;

  private final String tag = "s" + UUID.randomUUID().toString().substring(0, 8);
  private final String vendor = UUID.randomUUID().toString();

  @Test
  void inStockFiltersAndTheFacetCountsLowStockAsInStockAndNoStockAsOut() {
    publish(product().id(id("in")).name("Oak stool").skus("STOOL").build());
    publish(product().id(id("low")).name("Oak bench").skus("BENCH").build());
    publish(product().id(id("out")).name("Oak chair").skus("CHAIR").build());
    publish(product().id(id("none")).name("Oak table").skus("TABLE").build());
    publish(stock("STOOL", 12, Level.IN_STOCK, 1));
    publish(stock("BENCH", 2, Level.LOW_STOCK, 1));
    publish(stock("CHAIR", 0, Level.OUT_OF_STOCK, 1));

    await().atMost(PATIENCE).until(() -> names("inStock=true").size() == 2);
    assertThat(names("inStock=true")).containsExactlyInAnyOrder("Oak stool", "Oak bench");
    assertThat(names("inStock=false")).containsExactlyInAnyOrder("Oak chair", "Oak table");
    JsonNode all = search("");
    assertThat(all.at("/facets/availability/inStock").asLong()).isEqualTo(2);
    assertThat(all.at("/facets/availability/outOfStock").asLong()).isEqualTo(2);
    assertThat(all.path("items").findValuesAsString("name")).hasSize(4);
    for (JsonNode hit : all.path("items")) {
      assertThat(hit.path("inStock").asBoolean())
          .as(hit.path("name").asString())
          .isEqualTo(List.of("Oak stool", "Oak bench").contains(hit.path("name").asString()));
    }
    JsonNode inStockOnly = search("inStock=true");
    assertThat(inStockOnly.at("/facets/availability/inStock").asLong()).isEqualTo(2);
    assertThat(inStockOnly.at("/facets/availability/outOfStock").asLong()).isZero();
  }

  @Test
  void anyVariantInStockMakesTheProductInStockAndOutOfStockTakesItAway() {
    publish(product().id(id("lamp")).name("Paper lamp").skus("RED", "BLUE").build());
    publish(stock("RED", 0, Level.OUT_OF_STOCK, 1));
    publish(stock("BLUE", 3, Level.IN_STOCK, 1));
    await().atMost(PATIENCE).until(() -> names("inStock=true").equals(List.of("Paper lamp")));

    publish(stock("BLUE", 0, Level.OUT_OF_STOCK, 2));
    await().atMost(PATIENCE).until(() -> names("inStock=true").isEmpty());
    assertThat(names("inStock=false")).containsExactly("Paper lamp");

    publish(stock("RED", 5, Level.IN_STOCK, 2));
    await().atMost(PATIENCE).until(() -> names("inStock=true").equals(List.of("Paper lamp")));
  }

  @Test
  void olderAndRepeatedStockEventsNeverOverwriteNewerStock() throws Exception {
    publish(product().id(id("vase")).name("Glass vase").skus("VASE").build());
    publish(stock("VASE", 4, Level.IN_STOCK, 1));
    await().atMost(PATIENCE).until(() -> names("inStock=true").equals(List.of("Glass vase")));

    // One key, one partition: these arrive in this order, the stale ones after the newest.
    publish(stock("VASE", 0, Level.OUT_OF_STOCK, 3));
    publish(stock("VASE", 2, Level.LOW_STOCK, 2));
    publish(stock("VASE", 0, Level.OUT_OF_STOCK, 3));
    publish(stock("VASE", 4, Level.IN_STOCK, 1));
    publish(stock("VASE", 2, Level.LOW_STOCK, 2));

    await().atMost(PATIENCE).until(() -> names("inStock=false").equals(List.of("Glass vase")));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(12))
        .until(() -> names("inStock=true").isEmpty());
    assertThat(stockIndex.get(List.of(StockAvailabilityChangedV1.key(vendor, "VASE"))))
        .hasEntrySatisfying(
            StockAvailabilityChangedV1.key(vendor, "VASE"),
            stock -> assertThat(stock.stockVersion()).isEqualTo(3));
  }

  @Test
  void aChangeOfQuantityAloneIsSkippedAndTheNextChangeOfLevelStillArrives() throws Exception {
    publish(product().id(id("kettle")).name("Iron kettle").skus("KETTLE").build());
    publish(stock("KETTLE", 40, Level.IN_STOCK, 1));
    await().atMost(PATIENCE).until(() -> names("inStock=true").equals(List.of("Iron kettle")));
    double skipped = skipped();

    publish(stock("KETTLE", 39, Level.IN_STOCK, 2));
    await().atMost(PATIENCE).until(() -> skipped() > skipped);
    String key = StockAvailabilityChangedV1.key(vendor, "KETTLE");
    assertThat(stockIndex.get(List.of(key)).get(key).stockVersion())
        .as("a quantity change alone is not written")
        .isEqualTo(1);

    publish(stock("KETTLE", 0, Level.OUT_OF_STOCK, 3));
    await().atMost(PATIENCE).until(() -> names("inStock=false").equals(List.of("Iron kettle")));
    assertThat(stockIndex.get(List.of(key)).get(key).stockVersion()).isEqualTo(3);
  }

  @Test
  void stockThatArrivesBeforeItsProductIsAppliedWhenTheProductIsIndexed() {
    publish(stock("CLOCK", 7, Level.IN_STOCK, 1));
    String key = StockAvailabilityChangedV1.key(vendor, "CLOCK");
    await().atMost(PATIENCE).until(() -> stockIndex.get(List.of(key)).containsKey(key));

    publish(product().id(id("clock")).name("Wall clock").skus("CLOCK").build());

    await().atMost(PATIENCE).until(() -> names("inStock=true").equals(List.of("Wall clock")));
  }

  @Test
  void aProductUpdateKeepsItsStockAndANewVariantTakesItsOwn() {
    String id = id("mug");
    publish(product().id(id).version(1).name("Stone mug").skus("MUG").build());
    publish(stock("MUG", 9, Level.IN_STOCK, 1));
    publish(stock("CUP", 0, Level.OUT_OF_STOCK, 1));
    await().atMost(PATIENCE).until(() -> names("inStock=true").equals(List.of("Stone mug")));

    publish(product().id(id).version(2).name("Stoneware mug").skus("MUG").build());
    await().atMost(PATIENCE).until(() -> names("").equals(List.of("Stoneware mug")));
    assertThat(names("inStock=true")).containsExactly("Stoneware mug");

    // A new variant that is out of stock leaves it in stock; dropping the one in stock does not.
    publish(product().id(id).version(3).name("Stoneware mug").skus("MUG", "CUP").build());
    publish(product().id(id).version(4).name("Stoneware cup").skus("CUP").build());
    await().atMost(PATIENCE).until(() -> names("inStock=false").equals(List.of("Stoneware cup")));

    publish(stock("CUP", 3, Level.IN_STOCK, 2));
    await().atMost(PATIENCE).until(() -> names("inStock=true").equals(List.of("Stoneware cup")));
    // A late copy of an older revision changes neither the product nor its stock.
    publish(product().id(id).version(2).name("Stoneware mug").skus("MUG").build());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(12))
        .until(() -> names("inStock=true").equals(List.of("Stoneware cup")));
  }

  @Test
  void anotherVendorsStockForTheSameSkuDoesNotCount() {
    publish(product().id(id("rug")).name("Wool rug").skus("RUG-1").build());
    String otherVendor = UUID.randomUUID().toString();
    publish(new StockAvailabilityChangedV1("RUG-1", otherVendor, 40, Level.IN_STOCK, 1));
    publish(stock("RUG-1", 0, Level.OUT_OF_STOCK, 1));
    String key = StockAvailabilityChangedV1.key(otherVendor, "RUG-1");
    await().atMost(PATIENCE).until(() -> stockIndex.get(List.of(key)).containsKey(key));

    await().atMost(PATIENCE).until(() -> names("inStock=false").equals(List.of("Wool rug")));
    assertThat(names("inStock=true")).isEmpty();
  }

  @Test
  void productsAndTheirStockArrivingTogetherNeverLoseTheStock() {
    List<Runnable> events = new ArrayList<>();
    int count = 60;
    for (int i = 0; i < count; i++) {
      String sku = "BULK-" + i;
      var item = product().id(id("bulk-" + i)).name("Bulk item " + i).skus(sku);
      events.add(() -> publish(item.build()));
      events.add(() -> publish(stock(sku, 1, Level.LOW_STOCK, 1)));
    }
    Collections.shuffle(events, new Random(7));
    events.parallelStream().forEach(Runnable::run);

    await().atMost(PATIENCE).until(() -> total("inStock=true") == count);
    assertThat(total("inStock=false")).isZero();
  }

  @Test
  void aRebuildKeepsTheStockAndLaterStockEventsReachTheNewIndex() {
    publish(product().id(id("shelf")).name("Pine shelf").skus("SHELF").build());
    publish(product().id(id("crate")).name("Pine crate").skus("CRATE").build());
    publish(stock("SHELF", 5, Level.IN_STOCK, 1));
    publish(stock("CRATE", 0, Level.OUT_OF_STOCK, 1));
    await().atMost(PATIENCE).until(() -> names("inStock=true").equals(List.of("Pine shelf")));

    ApiClient admin = api().withToken(TestTokens.issue("staff-1", List.of("ADMIN"), Map.of()));
    assertThat(admin.post("/api/v1/search/admin/reindex", null).status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> admin.get("/api/v1/search/admin/reindex").json().path("state").asString(),
            state -> !state.equals("RUNNING"));
    JsonNode status = admin.get("/api/v1/search/admin/reindex").json();
    assertThat(status.path("state").asString()).as(status.toString()).isEqualTo("DONE");

    assertThat(names("inStock=true")).containsExactly("Pine shelf");
    assertThat(names("inStock=false")).containsExactly("Pine crate");
    publish(stock("CRATE", 8, Level.IN_STOCK, 2));
    await().atMost(PATIENCE).until(() -> names("inStock=true").size() == 2);
  }

  @Test
  void malformedAvailabilityEventsGoToTheDeadLetterTopicAndOthersStillFlow() {
    publish(product().id(id("jar")).name("Honey jar").skus("JAR").build());
    String poison = "poison-" + UUID.randomUUID();
    send(Topics.INVENTORY_AVAILABILITY, poison, "{\"not\": \"an event\"");
    String invalid = StockAvailabilityChangedV1.key(vendor, "");
    publish(new StockAvailabilityChangedV1("", vendor, 3, Level.IN_STOCK, 1));
    publish(stock("JAR", 3, Level.IN_STOCK, 1));

    await().atMost(PATIENCE).until(() -> names("inStock=true").equals(List.of("Honey jar")));
    try (TopicReader deadLetters =
        new TopicReader(
            KafkaTestServer.bootstrapServers(),
            topics.deadLetter(topics.name(Topics.INVENTORY_AVAILABILITY)))) {
      var records =
          deadLetters.readUntil(
              r ->
                  r.stream().anyMatch(record -> poison.equals(record.key()))
                      && r.stream().anyMatch(record -> invalid.equals(record.key())),
              PATIENCE);
      assertThat(records).anyMatch(r -> poison.equals(r.key()));
      assertThat(records).anyMatch(r -> invalid.equals(r.key()));
    }
  }

  @Test
  void aBadInStockValueIsAProblemNamingIt() {
    var response = api().get("/api/v1/search/products?inStock=yes");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").findValuesAsString("field"))
        .containsExactly("inStock");
  }

  /** A product of this test's vendor, tagged so that searches see this test's products only. */
  private Products product() {
    return Products.product().vendor(vendor).attributes(Map.of("tag", tag));
  }

  private StockAvailabilityChangedV1 stock(String sku, int available, Level level, long version) {
    return new StockAvailabilityChangedV1(sku, vendor, available, level, version);
  }

  private double skipped() {
    return meters.counter("search.stock.unchanged").count();
  }

  private String id(String name) {
    return tag + "-" + name;
  }

  private JsonNode search(String query) {
    var response =
        api().get("/api/v1/search/products?attr.tag=" + tag + (query.isEmpty() ? "" : "&" + query));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private List<String> names(String query) {
    return search(query).path("items").findValuesAsString("name");
  }

  private long total(String query) {
    return search(query).path("totalItems").asLong();
  }
}
