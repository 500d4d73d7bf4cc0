package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.order.RunningOrderService;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.RedisTestServer;
import dev.marketplace.testkit.TestNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** At most one order may wait in its saga here, and the backlog is counted on every checkout. */
@TestPropertySource(
    properties = {
      "marketplace.orders.checkout.max-in-saga=1",
      "marketplace.orders.checkout.backlog-recount=0ms"
    })
class SagaBacklogIT extends RunningOrderService {

  /** A database and topics of its own: other classes' orders still in their saga would count. */
  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    OrderIntegrationTest.serversButRedis(registry, TestNamespace.forClass(SagaBacklogIT.class));
    RedisTestServer.register(registry);
  }

  @Test
  void aFullBacklogRefusesNewCheckoutsUntilAnOrderLeavesItsSaga() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 1_000);
    ApiClient first = shopper(UUID.randomUUID().toString());
    ApiClient second = shopper(UUID.randomUUID().toString());
    fill(first, sku);
    fill(second, sku);

    var accepted = checkout(first, "key-1");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    String orderId = accepted.json().path("id").asString();

    var refused = checkout(second, "key-2");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/service-unavailable");
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    // Nothing was ordered and the cart is as it was.
    assertThat(second.get("/api/v1/orders").json().path("totalItems").asLong()).isZero();
    assertThat(second.get("/api/v1/cart").json().path("lines").size()).isEqualTo(1);
    // A repeat of the accepted checkout is answered: its order is not a new one.
    assertThat(checkout(first, "key-1").status()).isEqualTo(200);

    send(
        Topics.INVENTORY_REPLIES,
        new StockReservationFailedV1(
            orderId, List.of(new StockReservationFailedV1.Shortage(sku, 1, 0))));

    await().atMost(Duration.ofSeconds(30)).until(() -> checkout(second, "key-2").status() == 201);
    assertThat(second.get("/api/v1/orders").json().path("totalItems").asLong()).isEqualTo(1);
  }

  /** Adds one of the SKU to the cart once the catalog event has reached the service. */
  private static void fill(ApiClient shopper, String sku) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                shopper.put("/api/v1/cart/items/vendor-a/" + sku, Map.of("quantity", 1)).status()
                    == 200);
  }

  private static ApiClient.Response checkout(ApiClient shopper, String key) {
    return shopper.withHeader("Idempotency-Key", key).post("/api/v1/orders", checkoutBody("pm_1"));
  }
}
