package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stock reaches search: a vendor counts stock through the gateway, inventory-service announces it,
 * and search-service's in-stock filter and availability facet follow, every service its own
 * process.
 */
class StockToSearchIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static ApiClient vendor;
  private static ApiClient shopper;
  private static String location;

  @BeforeAll
  static void start() {
    LocalStack stack = SharedStack.get();
    Identities identities = stack.identities();
    Identities.Vendor onboarded =
        identities.onboardVendor("Stock vendor", Shop.unique("stock-vendor"));
    vendor = ApiClient.at(stack.gatewayUrl()).withToken(identities.vendorToken(onboarded));
    shopper = ApiClient.at(stack.gatewayUrl());
    var created =
        vendor.post("/api/v1/vendor/locations", Map.of("name", "Shelf", "kind", "WAREHOUSE"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    location = created.json().path("id").asString();
  }

  @Test
  void aProductIsInStockOnceItsVendorCountsStockAndOutOfStockWhenItRunsOut() {
    String word = "stk" + UUID.randomUUID().toString().substring(0, 6);
    String sku = "STK-" + UUID.randomUUID().toString().substring(0, 8);
    publishProduct("Juniper " + word + " basket", sku);
    await().atMost(PATIENCE).until(() -> names(word, "").size() == 1);
    assertThat(names(word, "&inStock=true")).as("nothing stocked yet").isEmpty();
    assertThat(search(word, "").at("/facets/availability/outOfStock").asLong()).isEqualTo(1);

    String etag = setStock(sku, 4, "\"0\"");
    await().atMost(PATIENCE).until(() -> names(word, "&inStock=true").size() == 1);
    JsonNode found = search(word, "&inStock=true");
    assertThat(found.at("/items/0/inStock").asBoolean()).isTrue();
    assertThat(found.at("/facets/availability/inStock").asLong()).isEqualTo(1);

    setStock(sku, 0, etag);
    await().atMost(PATIENCE).until(() -> names(word, "&inStock=true").isEmpty());
    assertThat(names(word, "&inStock=false")).hasSize(1);
  }

  private static void publishProduct(String name, String sku) {
    Map<String, Object> product = DemoData.singleSkuProduct(3, sku, 1_900);
    product.put("name", name);
    var created = vendor.post("/api/v1/vendor/products", product);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(vendor.post("/api/v1/vendor/products/" + id + "/publish", null).status())
        .isEqualTo(200);
  }

  /**
   * Sets the SKU's level at the location (inventory learns the SKU from the catalog's event first,
   * so the first attempt may be too early); returns the new ETag.
   */
  private static String setStock(String sku, int onHand, String ifMatch) {
    String path = "/api/v1/vendor/locations/" + location + "/stock/" + sku;
    ApiClient.Response[] set = new ApiClient.Response[1];
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              set[0] = vendor.withHeader("If-Match", ifMatch).put(path, Map.of("onHand", onHand));
              return set[0].status() == 200;
            });
    return set[0].header("ETag");
  }

  private static JsonNode search(String word, String filters) {
    var response = shopper.get("/api/v1/search/products?q=" + word + filters);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static List<String> names(String word, String filters) {
    return search(word, filters).path("items").findValuesAsString("name");
  }
}
