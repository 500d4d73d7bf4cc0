package dev.marketplace.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.catalog.CatalogIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.ApiClient.Response;
import dev.marketplace.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VendorProductApiIT extends CatalogIntegrationTest {

  private final String vendor = "vendor-" + UUID.randomUUID();

  @Test
  void vendorCreatesPublishesAndShoppersSeeOnlyPublishedProducts() {
    ApiClient api = asVendor(vendor);

    Response created = api.post("/api/v1/vendor/products", ProductRequests.lamp());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(created.header("Location")).isEqualTo("/api/v1/vendor/products/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
    assertThat(created.json().path("vendorId").asString()).isEqualTo(vendor);
    assertThat(created.json().at("/variants/0/price/amount").asLong()).isEqualTo(4999);

    assertThat(anonymous().get("/api/v1/products/" + id).status()).isEqualTo(404);

    Response published = api.post("/api/v1/vendor/products/" + id + "/publish", null);
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
    assertThat(published.header("ETag")).isEqualTo("\"2\"");

    Response publicView = anonymous().get("/api/v1/products/" + id);
    assertThat(publicView.status()).isEqualTo(200);
    assertThat(publicView.json().path("name").asString()).isEqualTo("Brass desk lamp");

    Response archived = api.post("/api/v1/vendor/products/" + id + "/archive", null);
    assertThat(archived.json().path("status").asString()).isEqualTo("ARCHIVED");
    assertThat(anonymous().get("/api/v1/products/" + id).status()).isEqualTo(404);
  }

  @Test
  void aSkuNamesOneItemOfItsVendorButOtherVendorsMayUseIt() {
    ApiClient api = asVendor(vendor);
    Response first = api.post("/api/v1/vendor/products", ProductRequests.lamp());
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    Map<String, Object> sameSku = ProductRequests.lamp();
    sameSku.put("name", "Another lamp under the same SKU");

    Response reused = api.post("/api/v1/vendor/products", sameSku);

    assertThat(reused.status()).as(reused.toString()).isEqualTo(409);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(reused.json().path("errors").get(0).path("field").asString())
        .isEqualTo("variants[0].sku");
    assertThat(api.get("/api/v1/vendor/products").json().path("totalItems").asLong()).isEqualTo(1);

    String otherVendor = "other-" + UUID.randomUUID();
    Response theirs = asVendor(otherVendor).post("/api/v1/vendor/products", sameSku);
    assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);

    String id = first.json().path("id").asString();
    Map<String, Object> renamed = ProductRequests.lamp();
    renamed.put("name", "Brass reading lamp");
    Response kept =
        api.withHeader("If-Match", "\"1\"").put("/api/v1/vendor/products/" + id, renamed);
    assertThat(kept.status()).as("a product keeps its own SKUs: " + kept).isEqualTo(200);

    String secondId =
        api.post("/api/v1/vendor/products", ProductRequests.product("Floor lamp", "Lumen", 9900))
            .json()
            .path("id")
            .asString();
    Response takenByUpdate =
        api.withHeader("If-Match", "\"1\"").put("/api/v1/vendor/products/" + secondId, sameSku);
    assertThat(takenByUpdate.status()).as(takenByUpdate.toString()).isEqualTo(409);
  }

  @Test
  void replacingNeedsTheCurrentVersion() {
    ApiClient api = asVendor(vendor);
    String id =
        api.post("/api/v1/vendor/products", ProductRequests.lamp()).json().path("id").asString();
    Map<String, Object> renamed = ProductRequests.lamp();
    renamed.put("name", "Brass reading lamp");

    Response withoutIfMatch = api.put("/api/v1/vendor/products/" + id, renamed);
    assertThat(withoutIfMatch.status()).isEqualTo(428);

    Response replaced =
        api.withHeader("If-Match", "\"1\"").put("/api/v1/vendor/products/" + id, renamed);
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().path("name").asString()).isEqualTo("Brass reading lamp");
    assertThat(replaced.header("ETag")).isEqualTo("\"2\"");

    Response stale =
        api.withHeader("If-Match", "\"1\"").put("/api/v1/vendor/products/" + id, renamed);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/v1/vendor/products/" + id).json().path("version").asLong())
        .isEqualTo(2);
  }

  @Test
  void archivedProductsCannotChange() {
    ApiClient api = asVendor(vendor);
    String id =
        api.post("/api/v1/vendor/products", ProductRequests.lamp()).json().path("id").asString();
    api.post("/api/v1/vendor/products/" + id + "/archive", null);

    Response publish = api.post("/api/v1/vendor/products/" + id + "/publish", null);

    assertThat(publish.status()).isEqualTo(409);
    assertThat(publish.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/conflict");
  }

  @Test
  void aVendorListsOnlyItsOwnProductsPageByPage() {
    ApiClient api = asVendor(vendor);
    for (int i = 0; i < 3; i++) {
      api.post("/api/v1/vendor/products", ProductRequests.product("Lamp " + i, "Lumen", 1000 + i));
    }
    asVendor("someone-else-" + UUID.randomUUID())
        .post("/api/v1/vendor/products", ProductRequests.product("Other", "X", 100));

    Response first = api.get("/api/v1/vendor/products?size=2&page=0");
    Response second = api.get("/api/v1/vendor/products?size=2&page=1");

    assertThat(first.json().path("totalItems").asLong()).isEqualTo(3);
    assertThat(first.json().path("totalPages").asInt()).isEqualTo(2);
    assertThat(first.json().path("items").size()).isEqualTo(2);
    assertThat(second.json().path("items").size()).isEqualTo(1);
    assertThat(second.json().findValuesAsString("vendorId")).containsOnly(vendor);
  }

  @Test
  void anotherVendorsProductDoesNotExistForMe() {
    String id =
        asVendor(vendor)
            .post("/api/v1/vendor/products", ProductRequests.lamp())
            .json()
            .path("id")
            .asString();
    ApiClient intruder = asVendor("intruder-" + UUID.randomUUID());

    assertThat(intruder.get("/api/v1/vendor/products/" + id).status()).isEqualTo(404);
    assertThat(intruder.post("/api/v1/vendor/products/" + id + "/publish", null).status())
        .isEqualTo(404);
    assertThat(
            intruder
                .withHeader("If-Match", "\"1\"")
                .put("/api/v1/vendor/products/" + id, ProductRequests.lamp())
                .status())
        .isEqualTo(404);
    assertThat(
            asVendor(vendor).get("/api/v1/vendor/products/" + id).json().path("status").asString())
        .isEqualTo("DRAFT");
  }

  @Test
  void onlyValidVendorTokensReachTheVendorApi() {
    ApiClient none = anonymous();
    Response noToken = none.get("/api/v1/vendor/products");
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.contentType()).startsWith("application/problem+json");
    assertThat(noToken.header("WWW-Authenticate")).startsWith("Bearer");

    assertThat(none.withToken(TestTokens.expired(vendor)).get("/api/v1/vendor/products").status())
        .isEqualTo(401);
    assertThat(none.withToken(TestTokens.forged(vendor)).get("/api/v1/vendor/products").status())
        .isEqualTo(401);
    assertThat(none.withToken("not-a-jwt").get("/api/v1/vendor/products").status()).isEqualTo(401);
    assertThat(
            none.withToken(TestTokens.wrongIssuer(vendor)).get("/api/v1/vendor/products").status())
        .isEqualTo(401);
    assertThat(
            none.withToken(TestTokens.wrongAudience(vendor))
                .get("/api/v1/vendor/products")
                .status())
        .isEqualTo(401);
    assertThat(none.withToken(TestTokens.vendor(vendor)).get("/api/v1/vendor/products").status())
        .isEqualTo(200);

    Response shopper =
        none.withToken(TestTokens.shopper("shopper-1"))
            .post("/api/v1/vendor/products", ProductRequests.lamp());
    assertThat(shopper.status()).isEqualTo(403);
    assertThat(shopper.contentType()).startsWith("application/problem+json");

    Response vendorWithoutOrganisation =
        none.withToken(TestTokens.issue("user-1", List.of("VENDOR"), Map.of()))
            .post("/api/v1/vendor/products", ProductRequests.lamp());
    assertThat(vendorWithoutOrganisation.status()).isEqualTo(403);
  }
}
