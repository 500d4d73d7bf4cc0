package dev.marketplace.inventory.location;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.inventory.InventoryIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocationApiIT extends InventoryIntegrationTest {

  private final String vendor = newVendor();

  @Test
  void aVendorOpensListsAndReadsItsLocations() {
    ApiClient api = asVendor(vendor);

    var warehouse =
        api.post("/api/v1/vendor/locations", Map.of("name", "North depot", "kind", "WAREHOUSE"));
    assertThat(warehouse.status()).as(warehouse.toString()).isEqualTo(201);
    String id = warehouse.json().path("id").asString();
    assertThat(warehouse.header("Location")).isEqualTo("/api/v1/vendor/locations/" + id);
    api.post("/api/v1/vendor/locations", Map.of("name", "High Street shop", "kind", "STORE"));

    var one = api.get("/api/v1/vendor/locations/" + id);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().path("name").asString()).isEqualTo("North depot");
    assertThat(one.json().path("kind").asString()).isEqualTo("WAREHOUSE");

    var page = api.get("/api/v1/vendor/locations?size=1");
    assertThat(page.json().path("totalItems").asInt()).isEqualTo(2);
    assertThat(page.json().path("totalPages").asInt()).isEqualTo(2);
    assertThat(page.json().path("items").get(0).path("name").asString()).isEqualTo("North depot");
  }

  @Test
  void anotherVendorsLocationIsNotFound() {
    String id = location(vendor, "STORE");
    String other = newVendor();

    var response = asVendor(other).get("/api/v1/vendor/locations/" + id);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/not-found");
    assertThat(asVendor(other).get("/api/v1/vendor/locations").json().path("totalItems").asInt())
        .isZero();
    assertThat(asVendor(vendor).get("/api/v1/vendor/locations/" + UUID.randomUUID()).status())
        .isEqualTo(404);
  }

  @Test
  void invalidLocationsAreRefusedNamingTheField() {
    ApiClient api = asVendor(vendor);

    var blank = api.post("/api/v1/vendor/locations", Map.of("name", " ", "kind", "STORE"));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().path("errors").get(0).path("field").asString()).isEqualTo("name");

    var kind = api.post("/api/v1/vendor/locations", Map.of("name", "Barn", "kind", "BARN"));
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.json().path("errors").get(0).path("field").asString()).isEqualTo("kind");

    var typo =
        api.post("/api/v1/vendor/locations", Map.of("name", "Barn", "kind", "STORE", "knd", "x"));
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().path("errors").get(0).path("field").asString()).isEqualTo("knd");

    assertThat(api.get("/api/v1/vendor/locations/not-a-uuid").status()).isEqualTo(400);
  }

  @Test
  void onlyVendorsMayCall() {
    assertThat(anonymous().get("/api/v1/vendor/locations").status()).isEqualTo(401);
    assertThat(
            anonymous()
                .withToken(TestTokens.shopper("shopper-1"))
                .get("/api/v1/vendor/locations")
                .status())
        .isEqualTo(403);
    assertThat(
            anonymous()
                .withToken(TestTokens.wrongAudience(vendor))
                .get("/api/v1/vendor/locations")
                .status())
        .isEqualTo(401);
  }
}
