package dev.marketplace.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.catalog.CatalogIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.ApiClient.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input gets a 4xx problem+json naming the field, never a 500 and never a saved product. */
class ProductInputValidationIT extends CatalogIntegrationTest {

  private static final String VENDOR = "validation-vendor";

  @Test
  void missingNameIsNamed() {
    assertInvalidField(body -> body.remove("name"), "name");
  }

  @Test
  void negativePriceIsNamed() {
    assertInvalidField(
        body -> ProductRequests.firstVariantPrice(body).put("amount", -1),
        "variants[0].price.amount");
  }

  @Test
  void fractionalMinorUnitsAreRefusedNotTruncated() {
    assertInvalidField(
        body -> ProductRequests.firstVariantPrice(body).put("amount", 12.5),
        "variants[0].price.amount");
  }

  @Test
  void unknownCurrencyIsNamed() {
    assertInvalidField(
        body -> ProductRequests.firstVariantPrice(body).put("currency", "XYZ"),
        "variants[0].price.currency");
  }

  @Test
  void overlongDescriptionIsNamed() {
    assertInvalidField(body -> body.put("description", "x".repeat(5001)), "description");
  }

  @Test
  void controlCharactersInTextAreNamedNotStored() {
    // Accepted, such a name was published, then dead-lettered by order-service: never buyable.
    assertInvalidField(body -> body.put("name", "Brass\u0000lamp"), "name");
    assertInvalidField(body -> body.put("description", "\u001b[31mred"), "description");
  }

  @Test
  void attributeNamesThatMongoDbWouldReadAsPathsOrOperatorsAreRefused() {
    for (String name : List.of("a.b", "$where", "ok\u0000")) {
      Map<String, Object> body = ProductRequests.lamp();
      body.put("attributes", Map.of(name, "x"));

      Response response = vendor().post("/api/v1/vendor/products", body);

      assertThat(response.status()).as(name + ": " + response).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    assertNothingSaved();
  }

  @Test
  void unknownFieldsAreRejectedSoTyposDoNotVanish() {
    assertInvalidField(body -> body.put("prcie", 10), "prcie");
  }

  @Test
  void duplicateSkusAreNamed() {
    assertInvalidField(
        body -> {
          @SuppressWarnings("unchecked")
          var variants = (List<Object>) body.get("variants");
          variants.add(variants.getFirst());
        },
        "variants");
  }

  @Test
  void unknownCategoryIsNamed() {
    assertInvalidField(body -> body.put("categoryId", "no-such-category"), "categoryId");
  }

  @Test
  void tenMegabyteBodyIsTooLarge() {
    Map<String, Object> body = ProductRequests.lamp();
    body.put("description", "x".repeat(10 * 1024 * 1024));

    Response response = vendor().post("/api/v1/vendor/products", body);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertNothingSaved();
  }

  @Test
  void malformedJsonIsABadRequest() {
    Response response =
        vendor()
            .send("POST", "/api/v1/vendor/products", "{\"name\": \"Lamp\",", "application/json");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/malformed-request");
  }

  @Test
  void wrongContentTypeIsUnsupported() {
    Response response = vendor().send("POST", "/api/v1/vendor/products", "name=Lamp", "text/plain");

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void badPagingParametersAreNamed() {
    Response response = vendor().get("/api/v1/vendor/products?size=1000");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").findValuesAsString("field")).contains("size");
  }

  private void assertInvalidField(Consumer<Map<String, Object>> breakIt, String field) {
    Map<String, Object> body = ProductRequests.lamp();
    breakIt.accept(body);

    Response response = vendor().post("/api/v1/vendor/products", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.path("type").asString())
        .as(response.toString())
        .isEqualTo("https://problems.marketplace.dev/validation");
    assertThat(problem.path("errors").findValuesAsString("field")).contains(field);
    assertNothingSaved();
  }

  private void assertNothingSaved() {
    assertThat(vendor().get("/api/v1/vendor/products").json().path("totalItems").asLong()).isZero();
  }

  private ApiClient vendor() {
    return asVendor(VENDOR);
  }
}
