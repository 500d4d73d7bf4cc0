package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkout with every service real and every call through the gateway: order-service runs the saga
 * across inventory-service and payment-service (its simulated provider is the only stand-in).
 */
class CheckoutThroughTheGatewayIT {

  private static Identities identities;
  private static String gateway;
  private static ApiClient vendor;
  private static String location;

  @BeforeAll
  static void start() {
    LocalStack stack = SharedStack.get();
    identities = stack.identities();
    gateway = stack.gatewayUrl();
    Identities.Vendor onboarded =
        identities.onboardVendor("Checkout vendor", unique("checkout-vendor"));
    vendor = ApiClient.at(gateway).withToken(identities.vendorToken(onboarded));
    var created =
        vendor.post(
            "/api/v1/vendor/locations", Map.of("name", "Main warehouse", "kind", "WAREHOUSE"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    location = created.json().path("id").asString();
  }

  @Test
  void aPaidOrderIsConfirmedThenShippedAndTheStockIsGone() {
    String sku = productInStock(5);
    Shopper buyer = shopperWithCard("4242424242424242");
    ApiClient shopper = buyer.api();

    String orderId = checkout(shopper, sku, 2, buyer.card());

    awaitStatus(shopper, orderId, "CONFIRMED");
    var shipped =
        vendor.post(
            "/api/v1/vendor/orders/" + orderId + "/ship", Map.of("trackingNumber", "TRK-1"));
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
    awaitStatus(shopper, orderId, "COMPLETED");
    await().atMost(Duration.ofSeconds(20)).until(() -> onHand(sku) == 3);
  }

  @Test
  void withoutStockTheOrderIsCancelledAndNoPaymentIsTaken() {
    String sku = productInStock(1);
    Shopper buyer = shopperWithCard("4242424242424242");
    ApiClient shopper = buyer.api();

    String orderId = checkout(shopper, sku, 2, buyer.card());

    awaitStatus(shopper, orderId, "CANCELLED");
    assertThat(shopper.get("/api/v1/orders/" + orderId).json().path("cancelReason").asString())
        .contains("out of stock");
    var payment =
        ApiClient.at(gateway)
            .withToken(identities.adminToken())
            .get("/api/v1/admin/payments/" + orderId);
    assertThat(payment.status()).isEqualTo(404);
  }

  @Test
  void aDeclinedCardReleasesTheStockAndCancels() {
    String sku = productInStock(3);
    Shopper buyer = shopperWithCard("4000000000000002");
    ApiClient shopper = buyer.api();

    String orderId = checkout(shopper, sku, 2, buyer.card());

    awaitStatus(shopper, orderId, "CANCELLED");
    assertThat(shopper.get("/api/v1/orders/" + orderId).json().path("cancelReason").asString())
        .contains("DECLINED");
    await().atMost(Duration.ofSeconds(20)).until(() -> available(sku) == 3);
  }

  private static String productInStock(int units) {
    String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> product = DemoData.product(7);
    product.put("categoryId", null);
    product.put(
        "variants",
        java.util.List.of(
            Map.of(
                "sku",
                sku,
                "attributes",
                Map.of(),
                "price",
                Map.of("amount", 2_500, "currency", "EUR"))));
    var created = vendor.post("/api/v1/vendor/products", product);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(vendor.post("/api/v1/vendor/products/" + id + "/publish", null).status())
        .isEqualTo(200);
    // Inventory learns the SKU from the catalog's event; then the vendor counts its stock.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                vendor
                        .withHeader("If-Match", "\"0\"")
                        .put(
                            "/api/v1/vendor/locations/" + location + "/stock/" + sku,
                            Map.of("onHand", units))
                        .status()
                    == 200);
    return sku;
  }

  /** A signed-in shopper and the id of the card they saved. */
  private record Shopper(ApiClient api, String card) {}

  private static Shopper shopperWithCard(String number) {
    String email = unique("buyer");
    identities.signUpShopper(email, "Bea", "Buyer");
    ApiClient shopper =
        ApiClient.at(gateway)
            .withToken(identities.signIn(email, Identities.PASSWORD).accessToken());
    var card =
        shopper.post(
            "/api/v1/payment-methods",
            Map.of(
                "number",
                number,
                "expiryMonth",
                12,
                "expiryYear",
                2030,
                "cvc",
                "123",
                "holderName",
                "Bea Buyer"));
    assertThat(card.status()).as(card.toString()).isEqualTo(201);
    return new Shopper(shopper, card.json().path("id").asString());
  }

  /** Puts the SKU in the cart (once order-service knows it) and checks out. */
  private static String checkout(ApiClient shopper, String sku, int quantity, String card) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", quantity)).status()
                    == 200);
    var order =
        shopper
            .withHeader("Idempotency-Key", UUID.randomUUID().toString())
            .post("/api/v1/orders", Map.of("cardToken", card));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    return order.json().path("id").asString();
  }

  private static void awaitStatus(ApiClient shopper, String orderId, String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                status.equals(
                    shopper.get("/api/v1/orders/" + orderId).json().path("status").asString()));
  }

  private static int onHand(String sku) {
    return vendor
        .get("/api/v1/vendor/locations/" + location + "/stock/" + sku)
        .json()
        .path("onHand")
        .asInt();
  }

  private static int available(String sku) {
    return vendor.get("/api/v1/vendor/skus/" + sku).json().path("available").asInt();
  }

  private static String unique(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.marketplace.dev";
  }
}
