package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A shopper with an order, a saved card and a full cart erases the account through the gateway:
 * every service that held their data confirms in the erasure report, which the shopper reads with
 * the key the erasure answered with, and no store holds their id, card or cart any more (read from
 * the raw rows and keys, not through an API).
 */
class ErasureEverywhereIT {

  @Test
  void erasureReachesEveryServiceAndTheReportSaysSo() {
    Shop shop = Shop.open("Erasure vendor");
    String sku = shop.productInStock(5);
    Shop.Shopper shopper = shop.shopperWithCard(Shop.APPROVE);
    String orderId = shop.checkout(shopper, sku, 1);
    shop.awaitStatus(shopper, orderId, "CONFIRMED");
    shop.fillCart(shopper, sku, 2);
    String id = shopper.customerId();
    ServiceDatabase orders = new ServiceDatabase(shop.stack(), "order");
    ServiceDatabase payments = new ServiceDatabase(shop.stack(), "payment");
    String providerToken =
        (String)
            payments
                .rows("SELECT provider_token FROM payment_method WHERE customer_id = ?", id)
                .getFirst()
                .get("provider_token");
    assertThat(cartExists(shop.stack(), id)).isTrue();

    var erased = shopper.api().delete("/api/v1/customers/me");

    assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
    ApiClient anonymous = ApiClient.at(shop.stack().gatewayUrl());
    String reportUrl = erased.json().path("reportUrl").asString();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              var report = anonymous.get(reportUrl);
              assertThat(report.status()).as(report.toString()).isEqualTo(200);
              assertThat(report.json().path("complete").asBoolean()).as(report.toString()).isTrue();
            });
    var report = shop.admin().get("/api/v1/admin/erasures/" + id).json();
    assertThat(report.path("services").findValuesAsString("service"))
        .containsExactly("customer-service", "order-service", "payment-service");
    assertThat(report.toString()).contains("1 orders pseudonymised", "1 saved cards deleted");

    assertThat(orders.count("SELECT count(*) FROM customer_order WHERE customer_id = ?", id))
        .isZero();
    assertThat(orders.count("SELECT count(*) FROM checkout_request WHERE customer_id = ?", id))
        .isZero();
    assertThat(
            orders.rows(
                "SELECT customer_id, card_token FROM customer_order WHERE id = ?::uuid", orderId))
        .singleElement()
        .satisfies(
            row -> {
              assertThat((String) row.get("customer_id")).startsWith("erased-");
              assertThat(row.get("card_token")).isEqualTo("erased");
            });
    assertThat(payments.count("SELECT count(*) FROM payment_method WHERE customer_id = ?", id))
        .isZero();
    assertThat(payments.count("SELECT count(*) FROM payment WHERE customer_id = ?", id)).isZero();
    assertThat(
            payments.count(
                "SELECT count(*) FROM simulated_provider_card WHERE token = ?", providerToken))
        .as("deleted at the card provider")
        .isZero();
    assertThat(cartExists(shop.stack(), id)).isFalse();
    var order = shop.admin().get("/api/v1/admin/payments/" + orderId);
    assertThat(order.status()).as("the payment stays, for accounting: " + order).isEqualTo(200);
  }

  /** Asks Redis directly (an inline command) whether the customer's cart key exists. */
  private static boolean cartExists(LocalStack stack, String customerId) {
    try (Socket redis = new Socket("127.0.0.1", stack.redisPort())) {
      redis
          .getOutputStream()
          .write(("EXISTS cart:" + customerId + "\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] answer = new byte[16];
      int read = redis.getInputStream().read(answer);
      return new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith(":1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
