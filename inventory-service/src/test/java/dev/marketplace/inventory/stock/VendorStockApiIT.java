package dev.marketplace.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Event;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1.Level;
import dev.marketplace.inventory.InventoryIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.ApiClient.Response;
import dev.marketplace.testkit.TopicReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorStockApiIT extends InventoryIntegrationTest {

  private final String vendor = newVendor();
  private final String sku = newSku("LAMP");

  @Test
  void settingALevelNeedsTheCurrentVersion() {
    catalogHas(vendor, sku);
    String store = location(vendor, "STORE");
    String path = "/api/v1/vendor/locations/" + store + "/stock/" + sku;
    ApiClient api = asVendor(vendor);

    Response unset = api.get(path);
    assertThat(unset.status()).isEqualTo(200);
    assertThat(unset.header("ETag")).isEqualTo("\"0\"");
    assertThat(unset.json().path("onHand").asInt()).isZero();

    Response withoutIfMatch = api.put(path, Map.of("onHand", 7));
    assertThat(withoutIfMatch.status()).isEqualTo(428);
    assertThat(withoutIfMatch.contentType()).startsWith("application/problem+json");

    Response set = api.withHeader("If-Match", "\"0\"").put(path, Map.of("onHand", 7));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.header("ETag")).isEqualTo("\"1\"");
    assertThat(set.json().path("available").asInt()).isEqualTo(7);

    Response stale = api.withHeader("If-Match", "\"0\"").put(path, Map.of("onHand", 9));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/precondition-failed");
    assertThat(api.get(path).json().path("onHand").asInt()).isEqualTo(7);

    Response listed = api.get("/api/v1/vendor/locations/" + store + "/stock");
    assertThat(listed.json().path("items").get(0).path("sku").asString()).isEqualTo(sku);
  }

  @Test
  void quantitiesAreWholeAndBounded() {
    catalogHas(vendor, sku);
    String store = location(vendor, "STORE");
    ApiClient api = asVendor(vendor).withHeader("If-Match", "\"0\"");
    String path = "/api/v1/vendor/locations/" + store + "/stock/" + sku;

    for (Object bad : List.of(-1, 1_000_001, 1e12, 2.5, "many")) {
      Response response = api.put(path, Map.of("onHand", bad));
      assertThat(response.status()).as(bad + ": " + response).isEqualTo(400);
      assertThat(response.json().path("errors").get(0).path("field").asString())
          .isEqualTo("onHand");
    }
    Response missing = api.put(path, Map.of());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("onHand");
  }

  @Test
  void stockIsOnlyForTheVendorsOwnSkusAndLocations() {
    String other = newVendor();
    String othersSku = newSku("VASE");
    catalogHas(vendor, sku);
    catalogHas(other, othersSku);
    String store = location(vendor, "STORE");
    String othersStore = location(other, "STORE");
    ApiClient api = asVendor(vendor).withHeader("If-Match", "\"0\"");

    for (String notMine : List.of(othersSku, "NO-SUCH-SKU")) {
      Response response =
          api.put("/api/v1/vendor/locations/" + store + "/stock/" + notMine, Map.of("onHand", 1));
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("sku");
    }
    Response badSku =
        api.put("/api/v1/vendor/locations/" + store + "/stock/bad%20sku", Map.of("onHand", 1));
    assertThat(badSku.status()).isEqualTo(400);
    assertThat(badSku.json().path("errors").get(0).path("field").asString()).isEqualTo("sku");

    Response othersLocation =
        api.put("/api/v1/vendor/locations/" + othersStore + "/stock/" + sku, Map.of("onHand", 1));
    assertThat(othersLocation.status()).isEqualTo(404);
    assertThat(level(vendor, othersStore, sku).status()).isEqualTo(404);
    assertThat(asVendor(vendor).get("/api/v1/vendor/skus/" + othersSku).status()).isEqualTo(404);
  }

  @Test
  void anAdjustmentCountsOncePerIdempotencyKey() {
    catalogHas(vendor, sku);
    String warehouse = location(vendor, "WAREHOUSE");
    String path = "/api/v1/vendor/locations/" + warehouse + "/stock/" + sku + "/adjustments";
    ApiClient api = asVendor(vendor);

    Response withoutKey = api.post(path, Map.of("delta", 5));
    assertThat(withoutKey.status()).isEqualTo(400);
    assertThat(withoutKey.json().path("errors").get(0).path("field").asString())
        .isEqualTo("Idempotency-Key");

    ApiClient delivery = api.withHeader("Idempotency-Key", "delivery-1");
    Response first = delivery.post(path, Map.of("delta", 5));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
    Response retry = delivery.post(path, Map.of("delta", 5));
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(level(vendor, warehouse, sku).json().path("onHand").asInt()).isEqualTo(5);

    Response reused = delivery.post(path, Map.of("delta", 6));
    assertThat(reused.status()).isEqualTo(409);

    Response next = api.withHeader("Idempotency-Key", "delivery-2").post(path, Map.of("delta", -2));
    assertThat(next.json().path("onHand").asInt()).isEqualTo(3);
    assertThat(next.header("ETag")).isEqualTo("\"2\"");
  }

  @Test
  void meaninglessOrImpossibleAdjustmentsAreRefused() {
    catalogHas(vendor, sku);
    String warehouse = location(vendor, "WAREHOUSE");
    String path = "/api/v1/vendor/locations/" + warehouse + "/stock/" + sku + "/adjustments";
    ApiClient api = asVendor(vendor);

    Response zero = api.withHeader("Idempotency-Key", "z").post(path, Map.of("delta", 0));
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().path("errors").get(0).path("field").asString()).isEqualTo("delta");

    Response huge = api.withHeader("Idempotency-Key", "h").post(path, Map.of("delta", 5_000_000));
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.json().path("errors").get(0).path("field").asString()).isEqualTo("delta");

    Response belowZero = api.withHeader("Idempotency-Key", "b").post(path, Map.of("delta", -1));
    assertThat(belowZero.status()).isEqualTo(409);

    api.withHeader("Idempotency-Key", "fill").post(path, Map.of("delta", 999_999));
    Response overMaximum = api.withHeader("Idempotency-Key", "o").post(path, Map.of("delta", 2));
    assertThat(overMaximum.status()).isEqualTo(400);
    assertThat(overMaximum.json().path("errors").get(0).path("field").asString())
        .isEqualTo("delta");
    assertThat(api.withHeader("Idempotency-Key", "b").post(path, Map.of("delta", -1)).status())
        .as("a refused request does not use up its key")
        .isEqualTo(200);
  }

  @Test
  void everyChangeOfAvailabilityIsAnnouncedWithAGrowingVersion() {
    catalogHas(vendor, sku);
    String warehouse = location(vendor, "WAREHOUSE");
    String store = location(vendor, "STORE");

    stock(vendor, warehouse, sku, 20);
    stock(vendor, store, sku, 4);
    stock(vendor, store, sku, 4);
    stock(vendor, warehouse, sku, 0);
    Response threshold =
        asVendor(vendor)
            .put(
                "/api/v1/vendor/skus/" + sku + "/low-stock-threshold",
                Map.of("lowStockThreshold", 3));
    assertThat(threshold.json().path("level").asString()).isEqualTo("IN_STOCK");
    stock(vendor, store, sku, 0);

    try (TopicReader reader = reader(Topics.INVENTORY_AVAILABILITY)) {
      // The outbox sends each event on its own, so two may arrive swapped; the version orders them.
      // Keyed by vendor and SKU: SKUs are unique per vendor only.
      List<Event> events =
          payloads(reader, StockAvailabilityChangedV1.key(vendor, sku), all -> all.size() >= 5);
      assertThat(events)
          .containsExactlyInAnyOrder(
              new StockAvailabilityChangedV1(sku, vendor, 20, Level.IN_STOCK, 1),
              new StockAvailabilityChangedV1(sku, vendor, 24, Level.IN_STOCK, 2),
              new StockAvailabilityChangedV1(sku, vendor, 4, Level.LOW_STOCK, 3),
              new StockAvailabilityChangedV1(sku, vendor, 4, Level.IN_STOCK, 4),
              new StockAvailabilityChangedV1(sku, vendor, 0, Level.OUT_OF_STOCK, 5));
    }
    Response view = asVendor(vendor).get("/api/v1/vendor/skus/" + sku);
    assertThat(view.json().path("stockVersion").asLong()).isEqualTo(5);
    assertThat(view.json().path("locations").size()).isEqualTo(2);
  }

  @Test
  void theCatalogKeepsTheNewestVersionOfEachProductWhateverTheOrderOrRepetition() {
    String product = "product-" + sku;
    String oldSku = sku + "-OLD";
    String marker = sku + "-MARKER";
    publishProduct(product(product, 1, vendor, oldSku));
    publishProduct(product(product, 3, vendor, sku));
    publishProduct(product(product, 2, vendor, oldSku));
    publishProduct(product(product, 3, vendor, sku));
    // One product's events share a partition: once version 4 is applied, all before it were seen.
    publishProduct(product(product, 4, vendor, sku, marker));

    await()
        .atMost(PATIENCE)
        .until(() -> asVendor(vendor).get("/api/v1/vendor/skus/" + marker).status() == 200);
    assertThat(asVendor(vendor).get("/api/v1/vendor/skus/" + sku).status()).isEqualTo(200);
    assertThat(asVendor(vendor).get("/api/v1/vendor/skus/" + oldSku).status()).isEqualTo(404);
  }
}
