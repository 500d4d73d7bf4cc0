package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Through the gateway of the shared stack, with the real inventory and payment: one vendor ships
 * its two lines in two parcels, the other cancels its line; the signed carrier webhook delivers the
 * parcels; stock, captures and the void add up.
 */
class FulfilmentThroughTheGatewayIT {

  @Test
  void partialShipmentsACancelledLineAndSignedDeliveriesSettleTheOrder() {
    Shop lamps = Shop.open("Lamps " + Shop.unique("shop"));
    Shop mugs = Shop.open("Mugs " + Shop.unique("shop"));
    DemoData.setShippingRates(lamps.vendor(), List.of(DemoData.rate("DE", 490, 100_000)));
    String lamp = lamps.productInStock(5);
    String shade = lamps.productInStock(5);
    String mug = mugs.productInStock(5);
    Shop.Shopper shopper = lamps.shopperWithCard(Shop.APPROVE);
    lamps.fillCart(shopper, lamp, 1);
    lamps.fillCart(shopper, shade, 1);
    String orderId = mugs.checkout(shopper, mug, 2);
    lamps.awaitStatus(shopper, orderId, "CONFIRMED");
    String base = "/api/v1/vendor/orders/" + orderId;

    var first =
        lamps
            .vendor()
            .post(
                base + "/ship",
                Map.of(
                    "trackingNumber",
                    "L-" + orderId,
                    "carrier",
                    "demo-post",
                    "skus",
                    List.of(lamp)));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    lamps.awaitStatus(shopper, orderId, "PARTLY_SHIPPED");
    assertThat(
            lamps
                .vendor()
                .post(
                    base + "/ship",
                    Map.of("trackingNumber", "S-" + orderId, "carrier", "demo-post"))
                .status())
        .isEqualTo(200);
    var cancelled =
        mugs.vendor()
            .post(base + "/cancel-lines", Map.of("skus", List.of(mug), "reason", "chipped"));
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    lamps.awaitStatus(shopper, orderId, "SHIPPED");

    String secret = lamps.stack().secrets().carrierSecret();
    HttpResponse<String> unsigned = webhook(lamps, delivered("e-0", "L-" + orderId), null, null);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    for (String tracking : List.of("L-" + orderId, "S-" + orderId)) {
      String body = delivered("e-" + tracking, tracking);
      String timestamp = String.valueOf(Instant.now().getEpochSecond());
      HttpResponse<String> signed = webhook(lamps, body, timestamp, sign(secret, timestamp, body));
      assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
      HttpResponse<String> replayed =
          webhook(lamps, body, timestamp, sign(secret, timestamp, body));
      assertThat(replayed.body()).contains("DUPLICATE");
    }
    lamps.awaitStatus(shopper, orderId, "DELIVERED");

    JsonNode payment =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> lamps.admin().get("/api/v1/admin/payments/" + orderId).json(),
                p ->
                    p.path("vendorParts").size() == 1
                        && p.path("released").path("amount").asLong() > 0);
    assertThat(payment.path("vendorParts").get(0).path("captured").path("amount").asLong())
        .as("lamp, shade and the lamp vendor's shipping")
        .isEqualTo(2 * Shop.UNIT_PRICE + 490);
    assertThat(payment.path("released").path("amount").asLong())
        .as("the cancelled mugs were never charged")
        .isEqualTo(2 * Shop.UNIT_PRICE);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(stock(lamps, lamp).path("onHand").asInt()).isEqualTo(4);
              assertThat(stock(lamps, shade).path("onHand").asInt()).isEqualTo(4);
              assertThat(stock(mugs, mug).path("onHand").asInt()).isEqualTo(5);
              assertThat(stock(mugs, mug).path("reserved").asInt()).isZero();
            });
    JsonNode order = shopper.api().get("/api/v1/orders/" + orderId).json();
    assertThat(order.path("shipments").findValuesAsString("status")).containsOnly("DELIVERED");
    assertThat(order.path("lines").findValuesAsString("status"))
        .containsExactlyInAnyOrder("SHIPPED", "SHIPPED", "CANCELLED");

    // The shopper returns the lamp; the vendor approves, receives and restocks it; it is refunded.
    String returns = "/api/v1/orders/" + orderId + "/returns";
    Map<String, Object> request =
        Map.of(
            "vendorId", lamps.vendorId(),
            "lines", List.of(Map.of("sku", lamp, "quantity", 1)),
            "reason", "too bright");
    var opened = shopper.api().post(returns, request);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String returnId = opened.json().path("id").asString();
    assertThat(shopper.api().post(returns, request).status())
        .as("the lamp is being returned already")
        .isEqualTo(400);
    assertThat(
            lamps.vendor().post("/api/v1/vendor/returns/" + returnId + "/approve", null).status())
        .isEqualTo(200);
    var received =
        lamps
            .vendor()
            .post(
                "/api/v1/vendor/returns/" + returnId + "/receive",
                Map.of("restock", true, "locationId", lamps.locationId()));
    assertThat(received.status()).as(received.toString()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> shopper.api().get(returns).json().get(0).path("status").asString(),
            "REFUNDED"::equals);
    JsonNode refunded = lamps.admin().get("/api/v1/admin/payments/" + orderId).json();
    assertThat(
            refunded.path("vendorParts").get(0).path("refunds").get(0).path("refundId").asString())
        .isEqualTo(returnId);
    assertThat(refunded.path("refunded").path("amount").asLong()).isEqualTo(Shop.UNIT_PRICE);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stock(lamps, lamp).path("onHand").asInt() == 5);
    assertThat(shopper.api().get("/api/v1/orders/" + orderId).json().path("timeline").toString())
        .contains("refund of 25.00 EUR made for return");
    new PaymentRecords(lamps.stack()).assertLedgerBalanced(List.of(orderId));
  }

  private static JsonNode stock(Shop shop, String sku) {
    return shop.vendor().get("/api/v1/vendor/skus/" + sku).json();
  }

  private static String delivered(String eventId, String tracking) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"trackingNumber\":\""
        + tracking
        + "\",\"status\":\"DELIVERED\"}";
  }

  private static HttpResponse<String> webhook(
      Shop shop, String body, String timestamp, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(shop.stack().gatewayUrl() + "/api/v1/carriers/demo-post/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (timestamp != null) {
      request.header("X-Carrier-Timestamp", timestamp).header("X-Carrier-Signature", signature);
    }
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of()
              .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
