package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.order.RunningOrderService;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.RedisTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * No saga step waits forever: nobody answers here, so each step's commands are sent once more, then
 * the order compensates and leaves the saga, and the backlog bound admits new orders again. A
 * dead-lettered command compensates at once.
 */
@TestPropertySource(
    properties = {
      "marketplace.orders.checkout.max-in-saga=2",
      "marketplace.orders.checkout.backlog-recount=0ms",
      "marketplace.orders.saga.reply-timeout=3s",
      "marketplace.orders.saga.max-resends=1",
      "marketplace.orders.saga.check-interval=200ms"
    })
class SagaDeadlinesIT extends RunningOrderService {

  @Autowired MeterRegistry meters;

  /** A database and topics of its own: other classes' orders would count in the backlog. */
  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    OrderIntegrationTest.serversButRedis(registry, TestNamespace.forClass(SagaDeadlinesIT.class));
    RedisTestServer.register(registry);
  }

  @Test
  void unansweredOrdersAreChasedThenCompensatedAndStopFillingTheBacklog() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 1_000);
    ApiClient first = filled(sku);
    ApiClient second = filled(sku);
    ApiClient third = filled(sku);
    String one = placed(first);
    String two = placed(second);
    assertThat(checkout(third).status()).as("two orders wait: the backlog is full").isEqualTo(503);

    await().atMost(Duration.ofSeconds(40)).until(() -> status(one).equals("CANCELLED"));
    await().atMost(Duration.ofSeconds(10)).until(() -> status(two).equals("CANCELLED"));

    JsonOrder order = order(first, one);
    assertThat(order.cancelReason()).startsWith("inventory-service did not answer in time");
    assertThat(commands(one).stream().filter(ReserveStockV1.class::isInstance).count())
        .as("the reservation was asked for once more before giving up")
        .isEqualTo(2);
    assertThat(commands(one)).hasAtLeastOneElementOfType(ReleaseStockV1.class);
    assertThat(
            meters
                .counter(
                    "marketplace.saga.overdue", "step", "RESERVING_STOCK", "outcome", "COMPENSATED")
                .count())
        .isGreaterThanOrEqualTo(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> checkout(third).status() == 201);
  }

  @Test
  void aDeadLetteredReservationCompensatesItsOrderAtOnce() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 1_000);
    ApiClient shopper = filled(sku);
    String orderId = placed(shopper);

    Event reserve =
        new ReserveStockV1(
            orderId, List.of(new StockLine(sku, "vendor-a", 1)), Instant.now().plusSeconds(600));
    kafka.send(
        topics.deadLetter(topics.name(Topics.INVENTORY_COMMANDS)),
        orderId,
        EventJson.write(EventEnvelope.of("inventory-service", Instant.now(), null, reserve)));

    await().atMost(Duration.ofSeconds(20)).until(() -> !status(orderId).equals("PENDING"));
    assertThat(order(shopper, orderId).cancelReason())
        .as("compensated for the dead letter, not for a deadline")
        .isEqualTo("its ReserveStockV1 was dead-lettered");
    assertThat(commands(orderId)).hasAtLeastOneElementOfType(ReleaseStockV1.class);
  }

  record JsonOrder(String status, String cancelReason) {}

  private JsonOrder order(ApiClient shopper, String orderId) {
    var json = shopper.get("/api/v1/orders/" + orderId).json();
    return new JsonOrder(json.path("status").asString(), json.path("cancelReason").asString());
  }

  private String status(String orderId) {
    return jdbc.sql("SELECT status FROM customer_order WHERE id = ?::uuid")
        .param(orderId)
        .query(String.class)
        .single()
        .replace("RESERVING_STOCK", "PENDING");
  }

  private List<Event> commands(String orderId) {
    try (TopicReader reader =
        new TopicReader(
            KafkaTestServer.bootstrapServers(), topics.name(Topics.INVENTORY_COMMANDS))) {
      return reader
          .readUntil(
              records -> records.stream().anyMatch(r -> orderId.equals(r.key())),
              Duration.ofSeconds(20))
          .stream()
          .filter(r -> orderId.equals(r.key()))
          .map(r -> (Event) EventJson.read(r.value()).payload())
          .toList();
    }
  }

  private ApiClient filled(String sku) {
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                shopper.put("/api/v1/cart/items/vendor-a/" + sku, Map.of("quantity", 1)).status()
                    == 200);
    return shopper;
  }

  /** Checks out, waiting while the backlog is full (another test's orders may still wait). */
  private String placed(ApiClient shopper) {
    String key = UUID.randomUUID().toString();
    await()
        .atMost(Duration.ofSeconds(40))
        .until(
            () ->
                shopper
                        .withHeader("Idempotency-Key", key)
                        .post("/api/v1/orders", checkoutBody("pm_1"))
                        .status()
                    == 201);
    return shopper
        .withHeader("Idempotency-Key", key)
        .post("/api/v1/orders", checkoutBody("pm_1"))
        .json()
        .path("id")
        .asString();
  }

  private static ApiClient.Response checkout(ApiClient shopper) {
    return shopper
        .withHeader("Idempotency-Key", UUID.randomUUID().toString())
        .post("/api/v1/orders", checkoutBody("pm_1"));
  }
}
