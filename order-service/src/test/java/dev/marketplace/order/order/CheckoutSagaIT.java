package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.ShipStockV1;
import dev.marketplace.events.inventory.StockReleasedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentFailedV1;
import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Checkout and the saga's paths, with inventory and payment answering through their topics. */
class CheckoutSagaIT extends OrderIntegrationTest {

  @Test
  void aPaidOrderIsConfirmedAndEachVendorShipsItsOwnPart() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 2_500);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, "vendor-a", sku, 2);

    String orderId = checkout(shopper, "key-1").json().path("id").asString();
    ReserveStockV1 reserve = command(Topics.INVENTORY_COMMANDS, orderId, ReserveStockV1.class);
    assertThat(reserve.lines().getFirst().quantity()).isEqualTo(2);

    send(Topics.INVENTORY_REPLIES, new StockReservedV1(orderId, Instant.now().plusSeconds(3600)));
    AuthorizePaymentV1 authorize =
        command(Topics.PAYMENT_COMMANDS, orderId, AuthorizePaymentV1.class);
    assertThat(authorize.amountMinor()).isEqualTo(5_000);

    send(Topics.PAYMENT_REPLIES, new PaymentAuthorizedV1(orderId, "pay-1", 5_000, "EUR"));
    awaitStatus(shopper, orderId, "CONFIRMED");
    assertThat(shopper.get("/api/v1/cart").json().path("lines").size()).isZero();

    assertThat(
            vendor("vendor-b")
                .post("/api/v1/vendor/orders/" + orderId + "/ship", Map.of("trackingNumber", "T-1"))
                .status())
        .isEqualTo(404);
    var shipped =
        vendor("vendor-a")
            .post("/api/v1/vendor/orders/" + orderId + "/ship", Map.of("trackingNumber", "T-1"));
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
    assertThat(command(Topics.INVENTORY_COMMANDS, orderId, ShipStockV1.class).vendorId())
        .isEqualTo("vendor-a");
    assertThat(command(Topics.PAYMENT_COMMANDS, orderId, CapturePaymentV1.class).amountMinor())
        .isEqualTo(5_000);
    var order = shopper.get("/api/v1/orders/" + orderId).json();
    assertThat(order.path("status").asString()).isEqualTo("SHIPPED");
    assertThat(order.path("timeline").findValuesAsString("status"))
        .containsSubsequence("RESERVING_STOCK", "AUTHORIZING_PAYMENT", "CONFIRMED", "SHIPPED");
  }

  @Test
  void noStockCancelsTheOrderWithoutAnyPaymentAttempt() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 900);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, "vendor-a", sku, 3);
    String orderId = checkout(shopper, "key-1").json().path("id").asString();

    send(
        Topics.INVENTORY_REPLIES,
        new StockReservationFailedV1(
            orderId, List.of(new StockReservationFailedV1.Shortage(sku, 3, 1))));

    awaitStatus(shopper, orderId, "CANCELLED");
    assertThat(shopper.get("/api/v1/orders/" + orderId).json().path("cancelReason").asString())
        .contains(sku)
        .contains("1 available");
    assertThat(commands(Topics.PAYMENT_COMMANDS, orderId, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void aDeclinedPaymentReleasesTheStockAndCancels() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 900);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, "vendor-a", sku, 1);
    String orderId = checkout(shopper, "key-1").json().path("id").asString();
    send(Topics.INVENTORY_REPLIES, new StockReservedV1(orderId, Instant.now().plusSeconds(3600)));
    command(Topics.PAYMENT_COMMANDS, orderId, AuthorizePaymentV1.class);

    send(
        Topics.PAYMENT_REPLIES,
        new PaymentFailedV1(orderId, PaymentFailedV1.Reason.DECLINED, "The card was declined."));
    command(Topics.INVENTORY_COMMANDS, orderId, ReleaseStockV1.class);
    send(Topics.INVENTORY_REPLIES, new StockReleasedV1(orderId));
    // The same reply again (a redelivery with a new envelope) changes nothing.
    send(Topics.INVENTORY_REPLIES, new StockReleasedV1(orderId));

    awaitStatus(shopper, orderId, "CANCELLED");
    assertThat(shopper.get("/api/v1/orders/" + orderId).json().path("cancelReason").asString())
        .contains("DECLINED");
  }

  @Test
  void oneIdempotencyKeyMakesOneOrderAndOtherShoppersCannotSeeIt() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 900);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, "vendor-a", sku, 1);

    var first = checkout(shopper, "same-key");
    var again = checkout(shopper, "same-key");

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    String orderId = first.json().path("id").asString();
    assertThat(again.json().path("id").asString()).isEqualTo(orderId);
    assertThat(commandsOnceOneArrived(Topics.INVENTORY_COMMANDS, orderId))
        .filteredOn(ReserveStockV1.class::isInstance)
        .hasSize(1);
    assertThat(shopper(UUID.randomUUID().toString()).get("/api/v1/orders/" + orderId).status())
        .isEqualTo(404);
  }

  @Test
  void badCheckoutsAndCartsAreProblems() {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 900);

    assertThat(checkout(shopper, "k").status()).isEqualTo(409); // empty cart
    var noKey = shopper.post("/api/v1/orders", checkoutBody("pm_1"));
    assertThat(noKey.status()).isEqualTo(428);
    assertThat(noKey.contentType()).startsWith("application/problem+json");
    await().atMost(Duration.ofSeconds(20)).until(() -> put(shopper, sku, 1).status() == 200);
    assertThat(put(shopper, sku, 0).status()).isEqualTo(400);
    assertThat(put(shopper, sku, 100_000).status()).isEqualTo(400);
    var unknown = put(shopper, "NO-SUCH-SKU", 1);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("sku");
    assertThat(vendor("vendor-a").get("/api/v1/cart").status()).isEqualTo(403);
  }

  @Test
  void twoVendorsUsingOneSkuEachSellOnlyTheirOwnItemAtTheirOwnPrice() {
    String sku = sku();
    String productOfA = UUID.randomUUID().toString();
    String productOfB = UUID.randomUUID().toString();
    catalogHas(productOfA, "vendor-a", sku, 2_500);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, "vendor-a", sku, 1);

    // Vendor B lists, then publishes cheaply, then archives an item under the same SKU.
    catalogHas(productOfB, 1, ProductChangedV1.Status.DRAFT, "vendor-b", sku, 1);
    catalogHas(productOfB, 2, ProductChangedV1.Status.PUBLISHED, "vendor-b", sku, 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> put(shopper(UUID.randomUUID().toString()), "vendor-b", sku, 1).status() == 200);
    var line = shopper.get("/api/v1/cart").json().path("lines").get(0);
    assertThat(line.path("vendorId").asString()).isEqualTo("vendor-a");
    assertThat(line.path("unitPrice").path("amount").asLong()).isEqualTo(2_500);
    assertThat(line.path("available").asBoolean()).isTrue();
    catalogHas(productOfB, 3, ProductChangedV1.Status.ARCHIVED, "vendor-b", sku, 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> put(shopper(UUID.randomUUID().toString()), "vendor-b", sku, 1).status() == 400);

    String orderId = checkout(shopper, "key-" + sku).json().path("id").asString();

    ReserveStockV1 reserve = command(Topics.INVENTORY_COMMANDS, orderId, ReserveStockV1.class);
    assertThat(reserve.lines()).hasSize(1);
    assertThat(reserve.lines().getFirst().vendorId()).isEqualTo("vendor-a");
    assertThat(reserve.lines().getFirst().sku()).isEqualTo(sku);
    send(Topics.INVENTORY_REPLIES, new StockReservedV1(orderId, Instant.now().plusSeconds(3600)));
    assertThat(command(Topics.PAYMENT_COMMANDS, orderId, AuthorizePaymentV1.class).amountMinor())
        .as("A's price, not B's")
        .isEqualTo(2_500);
  }

  @Test
  void everyBadQuantityIsAProblemNamingTheField() {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 900);
    fill(shopper, "vendor-a", sku, 1);

    for (String quantity : List.of("0", "-1", "101", "2147483647", "1.5", "null", "3000000000")) {
      var response =
          shopper.send(
              "PUT",
              "/api/v1/cart/items/vendor-a/" + sku,
              "{\"quantity\": " + quantity + "}",
              "application/json");
      assertThat(response.status()).as("quantity " + quantity + ": " + response).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().path("errors").findValuesAsString("field"))
          .as("quantity " + quantity + ": " + response)
          .containsExactly("quantity");
    }
    assertThat(shopper.get("/api/v1/cart").json().path("lines").get(0).path("quantity").asInt())
        .as("the cart as it was")
        .isOne();
  }

  @Test
  void anotherShoppersOrderIsNotFoundForReadingOrCancelling() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 900);
    ApiClient owner = shopper(UUID.randomUUID().toString());
    ApiClient other = shopper(UUID.randomUUID().toString());
    fill(owner, "vendor-a", sku, 1);
    String orderId = checkout(owner, "key-1").json().path("id").asString();

    for (var response :
        List.of(
            other.get("/api/v1/orders/" + orderId),
            other.post("/api/v1/orders/" + orderId + "/cancel", null),
            owner.get("/api/v1/orders/" + UUID.randomUUID()))) {
      assertThat(response.status()).as(response.toString()).isEqualTo(404);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    assertThat(other.get("/api/v1/orders").json().path("items").size()).isZero();
    assertThat(status(owner, orderId))
        .as("not cancelled by the other shopper")
        .isEqualTo("PENDING");
    assertThat(owner.get("/api/v1/orders/not-an-id").status()).isEqualTo(400);
  }

  @Test
  void aCheckoutWithoutACardOrWithAnUnusableKeyIsAProblem() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 900);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, "vendor-a", sku, 1);

    var noCard =
        shopper.withHeader("Idempotency-Key", "k1").post("/api/v1/orders", checkoutBody(""));
    assertThat(noCard.status()).as(noCard.toString()).isEqualTo(400);
    assertThat(noCard.json().path("errors").findValuesAsString("field"))
        .containsExactly("cardToken");
    var longKey =
        shopper
            .withHeader("Idempotency-Key", "k".repeat(201))
            .post("/api/v1/orders", checkoutBody("pm_1"));
    assertThat(longKey.status()).as(longKey.toString()).isEqualTo(428);
    assertThat(longKey.contentType()).startsWith("application/problem+json");
    var sameKeyOtherCard = checkout(shopper, "k2");
    assertThat(sameKeyOtherCard.status()).isEqualTo(201);
    var reused =
        shopper.withHeader("Idempotency-Key", "k2").post("/api/v1/orders", checkoutBody("pm_2"));
    assertThat(reused.status()).as(reused.toString()).isEqualTo(409);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(shopper.get("/api/v1/orders").json().path("items").size()).isOne();
  }

  /** Sets a line of vendor-a's, the vendor of most tests here. */
  private static ApiClient.Response put(ApiClient shopper, String sku, int quantity) {
    return put(shopper, "vendor-a", sku, quantity);
  }

  private static ApiClient.Response put(
      ApiClient shopper, String vendorId, String sku, int quantity) {
    return shopper.put("/api/v1/cart/items/" + vendorId + "/" + sku, Map.of("quantity", quantity));
  }

  private static ApiClient.Response checkout(ApiClient shopper, String key) {
    return shopper.withHeader("Idempotency-Key", key).post("/api/v1/orders", checkoutBody("pm_1"));
  }

  private static void awaitStatus(ApiClient shopper, String orderId, String expected) {
    await().atMost(Duration.ofSeconds(20)).until(() -> expected.equals(status(shopper, orderId)));
  }

  private List<Event> commands(String topic, String orderId, Duration window) {
    try (TopicReader reader =
        new TopicReader(KafkaTestServer.bootstrapServers(), topics.name(topic))) {
      return forOrder(reader.readFor(window), orderId);
    }
  }

  /**
   * The order's commands, read until the first has arrived (however slowly the reader joins) and
   * then for 3 s more, so a duplicate would be among them.
   */
  private List<Event> commandsOnceOneArrived(String topic, String orderId) {
    try (TopicReader reader =
        new TopicReader(KafkaTestServer.bootstrapServers(), topics.name(topic))) {
      reader.readUntil(records -> !forOrder(records, orderId).isEmpty(), Duration.ofSeconds(30));
      return forOrder(reader.readFor(Duration.ofSeconds(3)), orderId);
    }
  }

  private static List<Event> forOrder(
      List<ConsumerRecord<String, String>> records, String orderId) {
    return records.stream()
        .filter(r -> orderId.equals(r.key()))
        .map(r -> (Event) EventJson.read(r.value()).payload())
        .toList();
  }
}
