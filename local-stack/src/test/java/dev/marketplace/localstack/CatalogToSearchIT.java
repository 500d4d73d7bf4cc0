package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The first slice end to end, with catalog-service and search-service as separate processes over a
 * real broker and search engine: what a vendor does in the catalog is what shoppers find, within 2
 * seconds.
 */
class CatalogToSearchIT {

  private static final Duration FRESHNESS = Duration.ofSeconds(2);

  private static LocalStack stack;
  private static ApiClient vendor;
  private static ApiClient shopper;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
    Identities identities = stack.identities();
    vendor =
        ApiClient.at(stack.catalogUrl())
            .withToken(
                identities.vendorToken(
                    identities.onboardVendor("E2E vendor", "e2e@demo.marketplace.dev")));
    shopper = ApiClient.at(stack.searchUrl());
    warmUp();
  }

  /**
   * The first event after start-up also waits for the search consumer group to form and for the
   * first producer metadata; freshness is a property of the running system, so one product goes
   * through first.
   */
  private static void warmUp() {
    String word = "warmup" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> product = DemoData.product(0);
    product.put("name", "Warm-up " + word);
    product.put("categoryId", null);
    String id = vendor.post("/api/v1/vendor/products", product).json().path("id").asString();
    vendor.post("/api/v1/vendor/products/" + id + "/publish", null);
    await().atMost(Duration.ofSeconds(60)).until(() -> searchNames(word).size() == 1);
  }

  @Test
  void createdUpdatedAndArchivedProductsReachSearchWithinTwoSeconds() {
    String word = "zx" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> product = DemoData.product(1);
    product.put("name", "Saffron " + word + " lamp");
    product.put("categoryId", null);

    var created = vendor.post("/api/v1/vendor/products", product);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    var published = vendor.post("/api/v1/vendor/products/" + id + "/publish", null);
    assertThat(published.status()).isEqualTo(200);
    long createdIn = millisUntil(word, hits -> hits.size() == 1);
    assertThat(createdIn)
        .as("ms until the new product was searchable")
        .isLessThanOrEqualTo(FRESHNESS.toMillis());

    String renamed = "yq" + UUID.randomUUID().toString().substring(0, 6);
    product.put("name", "Saffron " + renamed + " lamp");
    var updated =
        vendor
            .withHeader("If-Match", published.header("ETag"))
            .put("/api/v1/vendor/products/" + id, product);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    long updatedIn = millisUntil(renamed, hits -> hits.size() == 1);
    assertThat(updatedIn)
        .as("ms until the update was searchable")
        .isLessThanOrEqualTo(FRESHNESS.toMillis());
    assertThat(searchNames(word)).isEmpty();

    var archived = vendor.post("/api/v1/vendor/products/" + id + "/archive", null);
    assertThat(archived.status()).isEqualTo(200);
    long archivedIn = millisUntil(renamed, List::isEmpty);
    assertThat(archivedIn)
        .as("ms until the archived product left search")
        .isLessThanOrEqualTo(FRESHNESS.toMillis());
  }

  /**
   * Polls search every 25 ms until the condition holds (failing after 2 s); returns how long it
   * took.
   */
  private static long millisUntil(String word, Predicate<List<String>> condition) {
    long start = System.nanoTime();
    await()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(25))
        .atMost(FRESHNESS)
        .until(() -> condition.test(searchNames(word)));
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static List<String> searchNames(String word) {
    var response = shopper.get("/api/v1/search/products?q=" + word);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode items = response.json().path("items");
    return items.findValuesAsString("name");
  }
}
