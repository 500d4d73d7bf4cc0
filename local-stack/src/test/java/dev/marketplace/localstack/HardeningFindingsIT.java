package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The findings of a hostile review (issue 13), each replayed as the reviewer sent it, through the
 * gateway of the running stack: every one now gets the right 4xx problem, or works as it should.
 */
class HardeningFindingsIT {

  private static Shop shop;
  private static ApiClient gateway;

  @BeforeAll
  static void open() {
    shop = Shop.open("Hardening vendor");
    gateway = ApiClient.at(shop.stack().gatewayUrl());
  }

  @Test
  void anotherVendorUsingMySkuNeitherSellsMyItemNorStopsItsSale() {
    String sku = shop.productInStock(5);
    Shop rival = Shop.open("Rival vendor");
    var cheap =
        rival.vendor().post("/api/v1/vendor/products", DemoData.singleSkuProduct(3, sku, 1));
    assertThat(cheap.status()).as(cheap.toString()).isEqualTo(201);
    String cheapId = cheap.json().path("id").asString();
    assertThat(
            rival.vendor().post("/api/v1/vendor/products/" + cheapId + "/publish", null).status())
        .isEqualTo(200);
    assertThat(
            rival
                .vendor()
                .withHeader("If-Match", "\"2\"")
                .post("/api/v1/vendor/products/" + cheapId + "/archive", null)
                .status())
        .isEqualTo(200);
    Shop.Shopper buyer = shop.shopperWithCard(Shop.APPROVE);

    String orderId = shop.checkout(buyer, sku, 1);

    shop.awaitStatus(buyer, orderId, "CONFIRMED");
    var order = shop.order(buyer, orderId);
    assertThat(order.path("total").path("amount").asLong())
        .as("the first vendor's price, in the API's money shape: " + order)
        .isEqualTo(Shop.UNIT_PRICE);
    assertThat(order.toString()).doesNotContain("amountMinor");
  }

  @Test
  void clientMistakesInQueryStringsAreProblemsNot500s() {
    for (String path :
        List.of(
            "/api/v1/search/products?q=%FF",
            "/api/v1/search/products?page=%C3",
            "/api/v1/search/products?page=9223372036854775807",
            "/api/v1/products?page=%C3",
            "/api/v1/search/suggestions?q=a&unknownParameter=1")) {
      assertProblem(gateway.get(path), 400, path);
    }
    assertProblem(shop.vendor().get("/api/v1/vendor/products?pgae=2"), 400, "misspelt parameter");
  }

  @Test
  void controlCharactersInNamesAreFieldErrorsNotStoredOrDeadLettered() {
    assertProblem(
        shop.vendor()
            .post(
                "/api/v1/vendor/locations", Map.of("name", "Back\u0000room", "kind", "WAREHOUSE")),
        400,
        "NUL in a location name");
    assertProblem(
        shop.vendor().post("/api/v1/vendor/clients", Map.of("name", "till\u0000")),
        400,
        "NUL in an API client's name");
    Map<String, Object> product = DemoData.singleSkuProduct(1, "NUL-" + UUID.randomUUID(), 100);
    product.put("name", "Lamp\u0000");
    assertProblem(
        shop.vendor().post("/api/v1/vendor/products", product), 400, "NUL in a product name");
    assertProblem(
        gateway.post(
            "/api/v1/vendors",
            Map.of(
                "name", "Shop\u0000",
                "contactEmail", Shop.unique("applicant") + "@example.com",
                "password", "a long password 1234")),
        400,
        "NUL in a vendor application");
  }

  @Test
  void numbersDatesEnumsAndBooleansMeanWhatTheySay() {
    assertProblem(
        shop.admin()
            .post(
                "/api/v1/admin/staff",
                Map.of(
                    "email",
                    Shop.unique("staff") + "@example.com",
                    "password",
                    "a long staff password",
                    "roles",
                    java.util.Arrays.asList((Object) null))),
        400,
        "roles [null]");
    assertProblem(
        shop.vendor()
            .send(
                "POST",
                "/api/v1/vendor/locations",
                "{\"name\":\"Store by number\",\"kind\":1}",
                "application/json"),
        400,
        "an enum by its position");
    var store =
        shop.vendor()
            .post("/api/v1/vendor/locations", Map.of("name", "High street", "kind", "STORE"));
    assertThat(store.status()).as(store.toString()).isEqualTo(201);
    String sku = shop.productInStock(1);
    for (String soldAt : List.of("-1000000-01-01T00:00:00Z", "2019-01-01T00:00:00Z")) {
      var sale =
          shop.vendor()
              .send(
                  "POST",
                  "/api/v1/vendor/locations/" + store.json().path("id").asString() + "/sales",
                  "{\"sales\":[{\"saleId\":\"s-1\",\"sku\":\""
                      + sku
                      + "\",\"quantity\":1,\"soldAt\":\""
                      + soldAt
                      + "\"}]}",
                  "application/json");
      assertProblem(sale, 400, "a till sale at " + soldAt);
      assertThat(sale.body()).contains("soldAt");
    }
    var recent =
        shop.vendor()
            .send(
                "POST",
                "/api/v1/vendor/locations/" + store.json().path("id").asString() + "/sales",
                "{\"sales\":[{\"saleId\":\"s-2\",\"sku\":\""
                    + sku
                    + "\",\"quantity\":1,\"soldAt\":\""
                    + Instant.now().minus(Duration.ofHours(1))
                    + "\"}]}",
                "application/json");
    assertThat(recent.status()).as(recent.toString()).isEqualTo(200);
  }

  @Test
  void theGatewaysOwnRefusalsAreProblems() {
    for (String path :
        List.of(
            "/api/v1/products/..%2F..%2Fadmin",
            "/api/v1/products/%2e%2e",
            "/api/v1/products/a%00b",
            "/api/v1/products/a%5Cb",
            "/api/v1/products/x;jsessionid=1")) {
      var response = gateway.get(path);
      assertThat(response.status()).as(path + ": " + response).isBetween(400, 499);
      assertThat(response.contentType()).as(path).startsWith("application/problem+json");
    }
    assertProblem(gateway.send("TRACE", "/api/v1/products", null, null), 405, "TRACE");
    assertProblem(gateway.get("/api/v1/search/products?q=" + "a".repeat(9_000)), 414, "long URL");
    assertProblem(
        gateway.withHeader("X-Padding", "p".repeat(20_000)).get("/api/v1/products"),
        431,
        "large header");
  }

  @Test
  void machineClientsWithoutCredentialsGetRfc6749Errors() {
    for (String endpoint : List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")) {
      var response =
          gateway.send(
              "POST",
              endpoint,
              "grant_type=client_credentials",
              "application/x-www-form-urlencoded");
      assertThat(response.status()).as(endpoint + ": " + response).isEqualTo(401);
      assertThat(response.json().path("error").asString()).isEqualTo("invalid_client");
    }
  }

  @Test
  void consentIsGrantedOnlyByTrue() {
    Shop.Shopper shopper = shop.shopperWithCard(Shop.APPROVE);
    assertProblem(
        shopper
            .api()
            .send(
                "POST",
                "/api/v1/customers/me/consents",
                "{\"purpose\":\"MARKETING_EMAIL\",\"granted\":1}",
                "application/json"),
        400,
        "granted: 1");
    assertThat(shopper.api().get("/api/v1/customers/me/consents").json().toString())
        .doesNotContain("MARKETING_EMAIL");
  }

  private static void assertProblem(ApiClient.Response response, int status, String what) {
    assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
    assertThat(response.contentType()).as(what).startsWith("application/problem+json");
  }
}
