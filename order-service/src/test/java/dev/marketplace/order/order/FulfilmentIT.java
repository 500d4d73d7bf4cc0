package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.ReleaseStockLinesV1;
import dev.marketplace.events.inventory.ShipStockV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.testkit.ApiClient;
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
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A vendor ships part of its lines, cancels another, and a carrier reports the parcel through its
 * signed webhook until it is delivered; what is committed, released, captured and voided follows.
 */
class FulfilmentIT extends OrderIntegrationTest {

  private final String vendorId = "fulfil-" + UUID.randomUUID().toString().substring(0, 8);
  private final String lamp = sku();
  private final String shade = sku();

  @Test
  void aPartialShipmentACancelledLineAndASignedDeliveryCompleteTheOrder() {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    String orderId = confirmedOrder(shopper);
    ApiClient vendor = vendor(vendorId);
    String tracking = "P-" + UUID.randomUUID().toString().substring(0, 8);

    var shipped =
        vendor.post(
            "/api/v1/vendor/orders/" + orderId + "/ship",
            Map.of("trackingNumber", tracking, "carrier", "demo-post", "skus", List.of(lamp)));
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
    assertThat(shipped.json().path("part").path("status").asString()).isEqualTo("PARTLY_SHIPPED");
    assertThat(shipped.json().path("shipments").size()).isEqualTo(1);
    assertThat(command(Topics.INVENTORY_COMMANDS, orderId, ShipStockV1.class).skus())
        .containsExactly(lamp);
    assertThat(status(shopper, orderId)).isEqualTo("PARTLY_SHIPPED");

    var cancelled =
        vendor.post(
            "/api/v1/vendor/orders/" + orderId + "/cancel-lines",
            Map.of("skus", List.of(shade), "reason", "the last one was damaged"));
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(command(Topics.INVENTORY_COMMANDS, orderId, ReleaseStockLinesV1.class).skus())
        .containsExactly(shade);
    assertThat(command(Topics.PAYMENT_COMMANDS, orderId, CapturePaymentV1.class).amountMinor())
        .as("the lamp and the part's shipping (free here), not the shade")
        .isEqualTo(4_000);
    command(Topics.PAYMENT_COMMANDS, orderId, VoidPaymentV1.class);
    assertThat(status(shopper, orderId)).isEqualTo("SHIPPED");

    String inTransit = event("evt-1-" + tracking, tracking, "IN_TRANSIT");
    assertThat(carrier("demo-post", inTransit, now(), CARRIER_SECRET).statusCode()).isEqualTo(200);
    String delivered = event("evt-2-" + tracking, tracking, "DELIVERED");
    String timestamp = now();
    var first = carrier("demo-post", delivered, timestamp, CARRIER_SECRET);
    var again = carrier("demo-post", delivered, timestamp, CARRIER_SECRET);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("APPLIED");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).as("the same event again changes nothing").contains("DUPLICATE");
    JsonNode order = shopper.get("/api/v1/orders/" + orderId).json();
    assertThat(order.path("status").asString()).isEqualTo("DELIVERED");
    assertThat(order.path("shipments").get(0).path("status").asString()).isEqualTo("DELIVERED");
    assertThat(order.path("lines").findValuesAsString("status"))
        .containsExactlyInAnyOrder("SHIPPED", "CANCELLED");
    assertThat(order.path("timeline").findValuesAsString("detail"))
        .anyMatch(d -> d != null && d.contains("in transit"))
        .anyMatch(d -> d != null && d.contains("the last one was damaged"));
  }

  @Test
  void unsignedForgedStaleOrMalformedCarrierReportsAreRefused() {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    String orderId = confirmedOrder(shopper);
    String tracking = "Q-" + UUID.randomUUID().toString().substring(0, 8);
    vendor(vendorId)
        .post(
            "/api/v1/vendor/orders/" + orderId + "/ship",
            Map.of("trackingNumber", tracking, "carrier", "demo-post"));
    String delivered = event("evt-x-" + tracking, tracking, "DELIVERED");

    HttpResponse<String> unsigned = post("/api/v1/carriers/demo-post/events", delivered, Map.of());
    var forged = carrier("demo-post", delivered, now(), "not-the-secret");
    var stale =
        carrier(
            "demo-post",
            delivered,
            String.valueOf(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond()),
            CARRIER_SECRET);
    var unknownCarrier = carrier("no-such-post", delivered, now(), CARRIER_SECRET);
    var unknownParcel =
        carrier("demo-post", event("evt-y", "NO-SUCH-PARCEL", "DELIVERED"), now(), CARRIER_SECRET);
    var badStatus = carrier("demo-post", event("evt-z", tracking, "LOST"), now(), CARRIER_SECRET);
    var shippedIsTheVendors =
        carrier("demo-post", event("evt-w", tracking, "SHIPPED"), now(), CARRIER_SECRET);

    for (HttpResponse<String> refused : List.of(unsigned, forged, stale)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
    }
    assertThat(stale.body()).contains("more than 5 minutes");
    assertThat(unknownCarrier.statusCode()).isEqualTo(404);
    assertThat(unknownParcel.statusCode()).isEqualTo(404);
    assertThat(badStatus.statusCode()).as(badStatus.body()).isEqualTo(400);
    assertThat(shippedIsTheVendors.statusCode()).as(shippedIsTheVendors.body()).isEqualTo(400);
    assertThat(status(shopper, orderId)).as("nothing refused had an effect").isEqualTo("SHIPPED");
  }

  @Test
  void vendorsCanOnlyShipAndCancelTheirOwnAwaitingLines() {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    String orderId = confirmedOrder(shopper);
    ApiClient vendor = vendor(vendorId);
    String base = "/api/v1/vendor/orders/" + orderId;

    var notInThePart =
        vendor.post(base + "/ship", Map.of("trackingNumber", "T", "skus", List.of("NOT-MINE")));
    var otherVendor = vendor("someone-else").post(base + "/ship", Map.of("trackingNumber", "T"));
    var noLines = vendor.post(base + "/cancel-lines", Map.of("skus", List.of(), "reason", "x"));
    var badCarrier =
        vendor.post(base + "/ship", Map.of("trackingNumber", "T", "carrier", "Carrier Pigeon!"));
    var unknownParcel =
        vendor.post(
            base + "/shipments/" + UUID.randomUUID() + "/tracking", Map.of("status", "DELIVERED"));

    assertThat(notInThePart.status()).as(notInThePart.toString()).isEqualTo(400);
    assertThat(notInThePart.json().path("errors").findValuesAsString("field"))
        .containsExactly("skus");
    assertThat(otherVendor.status()).isEqualTo(404);
    assertThat(noLines.status()).isEqualTo(400);
    assertThat(badCarrier.status()).isEqualTo(400);
    assertThat(unknownParcel.status()).isEqualTo(404);

    assertThat(vendor.post(base + "/ship", Map.of("trackingNumber", "T-all")).status())
        .isEqualTo(200);
    var shippedTwice = vendor.post(base + "/ship", Map.of("trackingNumber", "T-again"));
    assertThat(shippedTwice.status()).as(shippedTwice.toString()).isEqualTo(409);
    String shipment =
        vendor.get("/api/v1/vendor/orders").json().path("items").findValues("shipments").stream()
            .filter(s -> s.size() > 0 && s.get(0).path("trackingNumber").asString().equals("T-all"))
            .findFirst()
            .orElseThrow()
            .get(0)
            .path("id")
            .asString();
    var reported =
        vendor.post(
            base + "/shipments/" + shipment + "/tracking",
            Map.of("status", "DELIVERED", "detail", "signed by A. Lovelace"));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
    assertThat(status(shopper, orderId)).isEqualTo("DELIVERED");
  }

  /** An order of one lamp (4,000) and one shade (1,500) from the vendor, confirmed. */
  private String confirmedOrder(ApiClient shopper) {
    catalogHas(UUID.randomUUID().toString(), vendorId, lamp, 4_000);
    catalogHas(UUID.randomUUID().toString(), vendorId, shade, 1_500);
    fill(shopper, vendorId, lamp, 1);
    fill(shopper, vendorId, shade, 1);
    return confirm(shopper);
  }

  private static String event(String eventId, String tracking, String status) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"trackingNumber\":\""
        + tracking
        + "\",\"status\":\""
        + status
        + "\"}";
  }

  private static String now() {
    return String.valueOf(Instant.now().getEpochSecond());
  }

  private HttpResponse<String> carrier(
      String carrier, String body, String timestamp, String secret) {
    return post(
        "/api/v1/carriers/" + carrier + "/events",
        body,
        Map.of(
            "X-Carrier-Timestamp",
            timestamp,
            "X-Carrier-Signature",
            "sha256=" + hmac(secret, timestamp + "." + body)));
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmac(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
