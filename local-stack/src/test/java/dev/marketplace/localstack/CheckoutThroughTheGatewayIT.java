package dev.marketplace.localstack;

import static dev.marketplace.localstack.Shop.APPROVE;
import static dev.marketplace.localstack.Shop.DECLINE;
import static dev.marketplace.localstack.Shop.PROVIDER_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkout with every service real and every call through the gateway: order-service runs the saga
 * across inventory-service and payment-service (its simulated provider is the only stand-in).
 */
class CheckoutThroughTheGatewayIT {

  private static Shop shop;

  @BeforeAll
  static void start() {
    shop = Shop.open("Checkout vendor");
  }

  @Test
  void aPaidOrderIsConfirmedThenShippedAndTheStockIsGone() {
    String sku = shop.productInStock(5);
    Shop.Shopper buyer = shop.shopperWithCard(APPROVE);

    String orderId = shop.checkout(buyer, sku, 2);

    shop.awaitStatus(buyer, orderId, "CONFIRMED");
    var shipped =
        shop.vendor()
            .post("/api/v1/vendor/orders/" + orderId + "/ship", Map.of("trackingNumber", "TRK-1"));
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
    shop.awaitStatus(buyer, orderId, "SHIPPED");
    await().atMost(Duration.ofSeconds(20)).until(() -> shop.onHandInWarehouse(sku) == 3);
  }

  @Test
  void withoutStockTheOrderIsCancelledAndNoPaymentIsTaken() {
    String sku = shop.productInStock(1);
    Shop.Shopper buyer = shop.shopperWithCard(APPROVE);

    String orderId = shop.checkout(buyer, sku, 2);

    shop.awaitStatus(buyer, orderId, "CANCELLED");
    assertThat(shop.order(buyer, orderId).path("cancelReason").asString()).contains("out of stock");
    assertThat(shop.admin().get("/api/v1/admin/payments/" + orderId).status()).isEqualTo(404);
  }

  @Test
  void aDeclinedCardReleasesTheStockAndCancels() {
    String sku = shop.productInStock(3);
    Shop.Shopper buyer = shop.shopperWithCard(DECLINE);

    String orderId = shop.checkout(buyer, sku, 2);

    shop.awaitStatus(buyer, orderId, "CANCELLED");
    assertThat(shop.order(buyer, orderId).path("cancelReason").asString()).contains("DECLINED");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> shop.stock(sku).path("available").asInt() == 3);
  }

  @Test
  void theSameCheckoutSentTwiceWithOneIdempotencyKeyMakesOneOrderAndOneAuthorisation() {
    String sku = shop.productInStock(5);
    Shop.Shopper buyer = shop.shopperWithCard(APPROVE);
    shop.fillCart(buyer, sku, 1);
    var checkout = buyer.api().withHeader("Idempotency-Key", UUID.randomUUID().toString());

    var first = checkout.post("/api/v1/orders", DemoData.checkoutToBerlin(buyer.card()));
    var again = checkout.post("/api/v1/orders", DemoData.checkoutToBerlin(buyer.card()));

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    String orderId = first.json().path("id").asString();
    assertThat(again.json().path("id").asString()).isEqualTo(orderId);
    shop.awaitStatus(buyer, orderId, "CONFIRMED");
    assertThat(buyer.api().get("/api/v1/orders").json().path("items").size()).isOne();
    assertThat(shop.stock(sku).path("reserved").asInt()).isOne();
    PaymentRecords payments = new PaymentRecords(shop.stack());
    assertThat(payments.of(List.of(orderId)).get(orderId).providerCalls()).isOne();
    assertThat(payments.providerAuthorizations(List.of(orderId))).isOne();
  }

  /**
   * The simulated provider never answers for this card: payment-service asks again with the same
   * idempotency key until its attempts run out (4 by default), then the saga compensates.
   */
  @Test
  void aProviderThatTimesOutIsAskedAgainThenTheStockIsReleasedAndTheOrderCancelled() {
    String sku = shop.productInStock(3);
    Shop.Shopper buyer = shop.shopperWithCard(PROVIDER_TIMEOUT);

    String orderId = shop.checkout(buyer, sku, 2);

    shop.awaitStatus(buyer, orderId, "CANCELLED");
    var order = shop.order(buyer, orderId);
    assertThat(order.path("cancelReason").asString()).contains("PROVIDER_UNAVAILABLE");
    assertThat(order.path("timeline").findValuesAsString("status"))
        .containsSubsequence("RESERVING_STOCK", "AUTHORIZING_PAYMENT", "CANCELLING", "CANCELLED");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> shop.stock(sku).path("available").asInt() == 3);
    assertThat(shop.stock(sku).path("reserved").asInt()).isZero();

    PaymentRecords.Payment payment =
        new PaymentRecords(shop.stack()).of(List.of(orderId)).get(orderId);
    assertThat(payment.state()).isEqualTo("FAILED");
    assertThat(payment.failureReason()).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(payment.providerCalls()).as("attempts with one idempotency key").isEqualTo(4);
    assertThat(payment.providerAuthorizations()).isZero();
    assertThat(payment.hold()).isZero();
    var admin = shop.admin().get("/api/v1/admin/payments/" + orderId).json();
    assertThat(admin.path("state").asString()).isEqualTo("FAILED");
    assertThat(admin.path("ledger").size()).isZero();
  }
}
