package dev.marketplace.order.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.RestockV1;
import dev.marketplace.events.payment.PaymentRefundedV1;
import dev.marketplace.events.payment.RefundPaymentV1;
import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A shopper returns a delivered lamp; the vendor approves, receives and restocks it; payment's
 * refund reaches the return and the order. Every rule broken is a problem naming the field.
 */
class ReturnsIT extends OrderIntegrationTest {

  private final String vendorId = "returns-" + UUID.randomUUID().toString().substring(0, 8);
  private final String lamp = sku();
  private final String shade = sku();

  @Test
  void aDeliveredLineIsReturnedApprovedReceivedRestockedAndRefunded() {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    String orderId = deliveredOrder(shopper);
    String base = "/api/v1/orders/" + orderId + "/returns";

    JsonNode opened = openedReturnOfOneLamp(shopper, base);
    String returnId = opened.path("id").asString();
    assertThat(opened.path("status").asString()).isEqualTo("REQUESTED");
    ApiClient vendor = vendor(vendorId);
    assertThat(
            vendor.get("/api/v1/vendor/returns?status=REQUESTED").json().path("items").toString())
        .contains(returnId);
    assertThat(
            vendor("someone-else")
                .post("/api/v1/vendor/returns/" + returnId + "/approve", null)
                .status())
        .isEqualTo(404);

    assertThat(vendor.post("/api/v1/vendor/returns/" + returnId + "/approve", null).status())
        .isEqualTo(200);
    var approvedTwice = vendor.post("/api/v1/vendor/returns/" + returnId + "/approve", null);
    assertThat(approvedTwice.status()).isEqualTo(409);
    assertThat(approvedTwice.contentType()).startsWith("application/problem+json");
    var noLocation =
        vendor.post("/api/v1/vendor/returns/" + returnId + "/receive", Map.of("restock", true));
    assertThat(noLocation.status()).isEqualTo(400);
    String warehouse = UUID.randomUUID().toString();
    var received =
        vendor.post(
            "/api/v1/vendor/returns/" + returnId + "/receive",
            Map.of("restock", true, "locationId", warehouse));
    assertThat(received.status()).as(received.toString()).isEqualTo(200);
    assertThat(received.json().path("refund").path("amount").asLong()).isEqualTo(4_000);

    RefundPaymentV1 refund = command(Topics.PAYMENT_COMMANDS, orderId, RefundPaymentV1.class);
    assertThat(refund).isEqualTo(new RefundPaymentV1(orderId, vendorId, 4_000, "EUR", returnId));
    RestockV1 restock = command(Topics.INVENTORY_COMMANDS, orderId, RestockV1.class);
    assertThat(restock.locationId()).isEqualTo(warehouse);
    assertThat(restock.lines().getFirst().quantity()).isEqualTo(1);

    send(Topics.PAYMENT_REPLIES, new PaymentRefundedV1(orderId, vendorId, 4_000, "EUR", returnId));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> shopper.get(base).json().get(0).path("status").asString().equals("REFUNDED"));
    JsonNode order = shopper.get("/api/v1/orders/" + orderId).json();
    assertThat(order.path("timeline").findValuesAsString("detail"))
        .anyMatch(d -> d != null && d.contains("requested"))
        .anyMatch(d -> d != null && d.startsWith("refund of 40.00 EUR made"));
  }

  @Test
  void returnsThatBreakARuleAreProblemsNamingTheField() {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    String orderId = deliveredOrder(shopper);
    String base = "/api/v1/orders/" + orderId + "/returns";
    assertThat(shopper.post(base, request(lamp, 2)).status()).isEqualTo(201);

    assertThat(fields(shopper.post(base, request(lamp, 1)))).containsExactly("lines[" + lamp + "]");
    assertThat(fields(shopper.post(base, request(shade, 2))))
        .containsExactly("lines[" + shade + "]");
    assertThat(fields(shopper.post(base, request("NOT-SOLD", 1))))
        .containsExactly("lines[NOT-SOLD]");
    assertThat(
            fields(
                shopper.post(
                    base,
                    Map.of(
                        "vendorId",
                        vendorId,
                        "lines",
                        List.of(
                            Map.of("sku", shade, "quantity", 1),
                            Map.of("sku", shade, "quantity", 1)),
                        "reason",
                        "twice"))))
        .containsExactly("lines[1].sku");
    assertThat(
            fields(
                shopper.post(
                    base, Map.of("vendorId", vendorId, "lines", List.of(), "reason", "x"))))
        .containsExactly("lines");
    assertThat(shopper(UUID.randomUUID().toString()).post(base, request(shade, 1)).status())
        .as("another shopper's order")
        .isEqualTo(404);

    var closing = vendor(vendorId).put("/api/v1/vendor/return-policy", Map.of("windowDays", 0));
    assertThat(closing.status()).as(closing.toString()).isEqualTo(200);
    assertThat(shopper.post(base, request(shade, 1)).body()).contains("return window of 0 days");
    assertThat(
            fields(vendor(vendorId).put("/api/v1/vendor/return-policy", Map.of("windowDays", 400))))
        .containsExactly("windowDays");
  }

  @Test
  void anotherTenantReachesNoReturnByAnyAction() {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    String orderId = deliveredOrder(shopper);
    String base = "/api/v1/orders/" + orderId + "/returns";
    String returnId = openedReturnOfOneLamp(shopper, base).path("id").asString();
    String vendorReturn = "/api/v1/vendor/returns/" + returnId;
    ApiClient otherVendor = vendor("someone-else");
    ApiClient otherShopper = shopper(UUID.randomUUID().toString());

    for (var response :
        List.of(
            otherVendor.post(vendorReturn + "/approve", null),
            otherVendor.post(vendorReturn + "/reject", Map.of("reason", "no")),
            otherVendor.post(vendorReturn + "/receive", Map.of("restock", false)),
            otherShopper.get(base),
            otherShopper.post(base, request(shade, 1)))) {
      assertThat(response.status()).as(response.toString()).isEqualTo(404);
      assertThat(response.contentType())
          .as(response.toString())
          .startsWith("application/problem+json");
    }
    assertThat(otherVendor.get("/api/v1/vendor/returns").json().path("items").toString())
        .doesNotContain(returnId);

    ApiClient vendor = vendor(vendorId);
    assertThat(returnOf(vendor, returnId).path("status").asString())
        .as("nothing another tenant tried changed the return")
        .isEqualTo("REQUESTED");
    assertThat(shopper.get(base).json().findValuesAsString("id"))
        .as("and no return was opened on the order by another shopper")
        .containsExactly(returnId);
    var approved = vendor.post(vendorReturn + "/approve", null);
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
  }

  /** The return as its vendor lists it. */
  private static JsonNode returnOf(ApiClient vendor, String returnId) {
    for (JsonNode r : vendor.get("/api/v1/vendor/returns").json().path("items")) {
      if (r.path("id").asString().equals(returnId)) {
        return r;
      }
    }
    throw new AssertionError("the vendor does not list return " + returnId);
  }

  /** The shopper opens a return of one lamp: 201, the return as the shopper sees it. */
  private JsonNode openedReturnOfOneLamp(ApiClient shopper, String base) {
    var opened = shopper.post(base, request(lamp, 1));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return opened.json();
  }

  private Map<String, Object> request(String sku, int quantity) {
    return Map.of(
        "vendorId",
        vendorId,
        "lines",
        List.of(Map.of("sku", sku, "quantity", quantity)),
        "reason",
        "not what the photo showed");
  }

  private static List<String> fields(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    return response.json().path("errors").findValuesAsString("field");
  }

  /** Two lamps (4,000 each) and a shade (1,500), shipped in one parcel and delivered. */
  private String deliveredOrder(ApiClient shopper) {
    catalogHas(UUID.randomUUID().toString(), vendorId, lamp, 4_000);
    catalogHas(UUID.randomUUID().toString(), vendorId, shade, 1_500);
    fill(shopper, vendorId, lamp, 2);
    fill(shopper, vendorId, shade, 1);
    String orderId = confirm(shopper);
    ApiClient vendor = vendor(vendorId);
    var shipped =
        vendor.post("/api/v1/vendor/orders/" + orderId + "/ship", Map.of("trackingNumber", "R-1"));
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
    String parcel = shipped.json().path("shipments").get(0).path("id").asString();
    var delivered =
        vendor.post(
            "/api/v1/vendor/orders/" + orderId + "/shipments/" + parcel + "/tracking",
            Map.of("status", "DELIVERED"));
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
    assertThat(status(shopper, orderId)).isEqualTo("DELIVERED");
    return orderId;
  }
}
