package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.audit.AuditEventRecordedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.events.order.OrderPlacedV1;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Where an order goes and what shipping it costs: vendors' rates, the cart's and the order's parts
 * with their shipping, the delivery address each reader may see, and the inputs refused.
 */
class DeliveryAndShippingIT extends OrderIntegrationTest {

  private final String lamps = "lamps-" + UUID.randomUUID().toString().substring(0, 8);
  private final String mugs = "mugs-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void eachVendorPartPaysItsOwnShippingAndTheOrderAddsItUp() {
    String lamp = sku();
    String mug = sku();
    rates(lamps, List.of(rate("DE", 490, 10_000L), rate("FR", 900, null)));
    rates(mugs, List.of(rate("DE", 350, 2_000L)));
    catalogHas(UUID.randomUUID().toString(), lamps, lamp, 4_000);
    catalogHas(UUID.randomUUID().toString(), mugs, mug, 1_200);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, lamps, lamp, 1);
    fill(shopper, mugs, mug, 2);

    JsonNode cart = shopper.get("/api/v1/cart?shipTo=DE").json();
    assertThat(part(cart, lamps).path("shipping").path("amount").asLong()).isEqualTo(490);
    assertThat(part(cart, mugs).path("shipping").path("amount").asLong())
        .as("2 × 1,200 reaches the mug vendor's free shipping from 2,000")
        .isZero();
    assertThat(cart.path("total").path("amount").asLong()).isEqualTo(4_000 + 2_400 + 490);
    JsonNode toFrance = shopper.get("/api/v1/cart?shipTo=FR").json();
    assertThat(part(toFrance, mugs).path("shipsToDestination").asBoolean()).isFalse();
    assertThat(toFrance.path("total").isNull()).isTrue();

    var placed =
        shopper
            .withHeader("Idempotency-Key", "two-vendors")
            .post("/api/v1/orders", checkoutBody("pm_1"));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    JsonNode order = placed.json();
    String orderId = order.path("id").asString();
    assertThat(order.path("itemsTotal").path("amount").asLong()).isEqualTo(6_400);
    assertThat(order.path("shippingTotal").path("amount").asLong()).isEqualTo(490);
    assertThat(order.path("total").path("amount").asLong()).isEqualTo(6_890);
    assertThat(order.path("deliveryAddress").path("postalCode").asString()).isEqualTo("10117");
    OrderPlacedV1 announced = command(Topics.ORDER_PLACED, orderId, OrderPlacedV1.class);
    assertThat(announced.lines())
        .as("each line with the category the catalog gave its product")
        .containsExactlyInAnyOrder(
            new OrderPlacedV1.Line(lamp, lamps, categoryOf(lamp), "Product " + lamp, 1, 4_000),
            new OrderPlacedV1.Line(mug, mugs, categoryOf(mug), "Product " + mug, 2, 1_200));
    assertThat(announced.parts())
        .containsExactlyInAnyOrder(
            new OrderPlacedV1.Part(lamps, 490), new OrderPlacedV1.Part(mugs, 0));
    assertThat(announced.totalMinor()).isEqualTo(6_890);

    send(Topics.INVENTORY_REPLIES, new StockReservedV1(orderId, Instant.now().plusSeconds(3600)));
    assertThat(command(Topics.PAYMENT_COMMANDS, orderId, AuthorizePaymentV1.class).amountMinor())
        .isEqualTo(6_890);
    send(Topics.PAYMENT_REPLIES, new PaymentAuthorizedV1(orderId, "pay-1", 6_890, "EUR"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> status(shopper, orderId).equals("CONFIRMED"));
    var shipped =
        vendor(lamps)
            .post("/api/v1/vendor/orders/" + orderId + "/ship", Map.of("trackingNumber", "T-1"));
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
    assertThat(command(Topics.PAYMENT_COMMANDS, orderId, CapturePaymentV1.class).amountMinor())
        .as("the lamp vendor's capture is its lamp and its shipping")
        .isEqualTo(4_490);
  }

  @Test
  void aVendorSeesItsOwnPartAndWhereItGoesAndSupportStaffReadAnyOrderAudited() {
    String lamp = sku();
    String mug = sku();
    catalogHas(UUID.randomUUID().toString(), lamps, lamp, 4_000);
    catalogHas(UUID.randomUUID().toString(), mugs, mug, 1_200);
    String customerId = UUID.randomUUID().toString();
    ApiClient shopper = shopper(customerId);
    fill(shopper, lamps, lamp, 1);
    fill(shopper, mugs, mug, 1);
    String orderId =
        shopper
            .withHeader("Idempotency-Key", "seen")
            .post("/api/v1/orders", checkoutBody("pm_1"))
            .json()
            .path("id")
            .asString();

    JsonNode lampView = vendorOrder(lamps, orderId);
    assertThat(lampView.path("lines").findValuesAsString("sku")).containsExactly(lamp);
    assertThat(lampView.path("part").path("total").path("amount").asLong()).isEqualTo(4_000);
    assertThat(lampView.path("deliveryAddress").path("city").asString()).isEqualTo("Berlin");
    assertThat(lampView.has("total")).as("not the order's total").isFalse();
    assertThat(vendorOrder(mugs, orderId).path("lines").findValuesAsString("sku"))
        .containsExactly(mug);
    assertThat(vendor("someone-else").get("/api/v1/vendor/orders").json().path("items").toString())
        .doesNotContain(orderId);
    assertThat(
            shopper
                .get("/api/v1/orders")
                .json()
                .path("items")
                .get(0)
                .path("deliveryAddress")
                .isNull())
        .as("lists leave the address out")
        .isTrue();

    ApiClient support =
        ApiClient.at("http://localhost:" + port)
            .withToken(TestTokens.issue("support-1", List.of("SUPPORT"), Map.of()));
    var staffView = support.get("/api/v1/admin/orders/" + orderId);
    assertThat(staffView.status()).as(staffView.toString()).isEqualTo(200);
    assertThat(staffView.json().path("customerId").asString()).isEqualTo(customerId);
    assertThat(staffView.json().path("order").path("deliveryAddress").path("line1").asString())
        .isEqualTo("Unter den Linden 1");
    assertThat(shopper.get("/api/v1/admin/orders/" + orderId).status()).isEqualTo(403);
    assertThat(vendor(lamps).get("/api/v1/admin/orders/" + orderId).status()).isEqualTo(403);
    assertThat(audited("/api/v1/admin/orders/" + orderId))
        .extracting(AuditEventRecordedV1::actor)
        .contains("support-1");
  }

  @Test
  void aDestinationAVendorDoesNotShipToIsRefusedNamingItsLines() {
    String lamp = sku();
    String mug = sku();
    rates(lamps, List.of(rate("DE", 490, null), rate("FR", 900, null)));
    rates(mugs, List.of(rate("DE", 350, null)));
    catalogHas(UUID.randomUUID().toString(), lamps, lamp, 4_000);
    catalogHas(UUID.randomUUID().toString(), mugs, mug, 1_200);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, lamps, lamp, 1);
    fill(shopper, mugs, mug, 1);
    Map<String, Object> paris = new HashMap<>(BERLIN);
    paris.putAll(Map.of("city", "Paris", "postalCode", "75001", "country", "FR"));

    var refused =
        shopper
            .withHeader("Idempotency-Key", "france")
            .post("/api/v1/orders", Map.of("cardToken", "pm_1", "address", paris));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("errors").findValuesAsString("field"))
        .containsExactly("cart[" + mugs + "/" + mug + "]");
    assertThat(refused.body()).contains("does not ship to FR");
    assertThat(shopper.get("/api/v1/cart").json().path("lines").size())
        .as("the cart is as it was")
        .isEqualTo(2);
  }

  @Test
  void badAddressesAndRatesAreProblemsNamingTheField() {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    Map<String, Object> badCode = new HashMap<>(BERLIN);
    badCode.put("postalCode", "1011");

    assertThat(fields(checkout(shopper, Map.of("cardToken", "pm_1", "address", badCode))))
        .containsExactly("address.postalCode");
    assertThat(fields(checkout(shopper, Map.of("cardToken", "pm_1")))).containsExactly("address");
    assertThat(
            fields(
                checkout(
                    shopper,
                    Map.of(
                        "cardToken", "pm_1", "address", BERLIN, "addressId", UUID.randomUUID()))))
        .containsExactly("address");
    assertThat(fields(shopper.get("/api/v1/cart?shipTo=Germany"))).containsExactly("shipTo");

    ApiClient vendor = vendor(lamps);
    assertThat(fields(vendor.put(RATES, Map.of("rates", List.of(rate("XX", 100, null))))))
        .containsExactly("rates[0].country");
    assertThat(
            fields(
                vendor.put(
                    RATES, Map.of("rates", List.of(rate("DE", 100, null), rate("DE", 200, null))))))
        .containsExactly("rates[1]");
    assertThat(fields(vendor.put(RATES, Map.of("rates", List.of(rate("DE", -1, null))))))
        .containsExactly("rates[0].price");
    assertThat(shopper.put(RATES, Map.of("rates", List.of())).status()).isEqualTo(403);
  }

  @Test
  void aSavedAddressThatCannotBeReadIsAnUnavailableProblemNotAHang() {
    String lamp = sku();
    catalogHas(UUID.randomUUID().toString(), lamps, lamp, 4_000);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, lamps, lamp, 1);

    var response = checkout(shopper, Map.of("cardToken", "pm_1", "addressId", UUID.randomUUID()));

    assertThat(response.status()).as(response.toString()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isNotNull();
    assertThat(response.body()).contains("give the address inline");
    assertThat(shopper.get("/api/v1/orders").json().path("items").size()).isZero();

    for (int i = 0; i < 10; i++) {
      var failed = checkout(shopper, Map.of("cardToken", "pm_1", "addressId", UUID.randomUUID()));
      assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
    }
    assertThat(
            meters
                .get("resilience4j.circuitbreaker.state")
                .tag("name", "saved-addresses")
                .tag("state", "open")
                .gauge()
                .value())
        .as("customer-service keeps failing: checkouts naming saved addresses stop trying it")
        .isEqualTo(1.0);
    assertThat(checkout(shopper, Map.of("cardToken", "pm_1", "address", BERLIN)).status())
        .as("an inline address still works")
        .isEqualTo(201);
  }

  @Autowired MeterRegistry meters;

  private static final String RATES = "/api/v1/vendor/shipping-rates";

  private void rates(String vendorId, List<Map<String, Object>> rates) {
    var response = vendor(vendorId).put(RATES, Map.of("rates", rates));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(vendor(vendorId).get(RATES).json().path("rates").size()).isEqualTo(rates.size());
  }

  private static Map<String, Object> rate(String country, long price, Long freeFrom) {
    Map<String, Object> rate = new HashMap<>();
    rate.put("country", country);
    rate.put("currency", "EUR");
    rate.put("price", price);
    rate.put("freeFrom", freeFrom);
    return rate;
  }

  private static JsonNode part(JsonNode cart, String vendorId) {
    for (JsonNode part : cart.path("parts")) {
      if (part.path("vendorId").asString().equals(vendorId)) {
        return part;
      }
    }
    throw new AssertionError("no part of " + vendorId + " in " + cart);
  }

  private JsonNode vendorOrder(String vendorId, String orderId) {
    for (JsonNode order : vendor(vendorId).get("/api/v1/vendor/orders").json().path("items")) {
      if (order.path("orderId").asString().equals(orderId)) {
        return order;
      }
    }
    throw new AssertionError(vendorId + " does not see order " + orderId);
  }

  private static ApiClient.Response checkout(ApiClient shopper, Map<String, Object> body) {
    return shopper
        .withHeader("Idempotency-Key", UUID.randomUUID().toString())
        .post("/api/v1/orders", body);
  }

  private static List<String> fields(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    return response.json().path("errors").findValuesAsString("field");
  }

  private List<AuditEventRecordedV1> audited(String resource) {
    try (TopicReader reader =
        new TopicReader(KafkaTestServer.bootstrapServers(), topics.name(Topics.AUDIT_EVENTS))) {
      return reader
          .readUntil(
              records -> records.stream().anyMatch(r -> r.value().contains(resource)),
              Duration.ofSeconds(20))
          .stream()
          .map(r -> EventJson.read(r.value()).payload())
          .filter(AuditEventRecordedV1.class::isInstance)
          .map(AuditEventRecordedV1.class::cast)
          .filter(e -> e.resource().equals(resource))
          .toList();
    }
  }
}
