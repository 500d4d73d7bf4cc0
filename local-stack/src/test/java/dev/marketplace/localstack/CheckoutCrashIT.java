package dev.marketplace.localstack;

import static dev.marketplace.localstack.Shop.APPROVE;
import static dev.marketplace.localstack.Shop.PROVIDER_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Each saga service is killed with SIGKILL while orders are in the middle of the saga (no shutdown
 * hook runs, nothing in flight is finished, no Kafka offset is committed) and started again with
 * the same configuration, in the shared stack. Afterwards every order has ended where it would have
 * without the crash: paid orders CONFIRMED, orders whose provider never answers CANCELLED; each
 * order holds its units once or not at all; the provider authorised each paid order once; the
 * ledger balances.
 *
 * <p>Where the kill lands is chosen by watching the services' own databases: payment-service dies
 * while a payment is recorded as AUTHORIZING (between its commit and the provider's answer);
 * inventory-service as soon as the first of a burst of reservations is committed, and more orders
 * are placed while it is down; order-service while checkouts are still arriving, whose clients then
 * retry with their Idempotency-Key.
 */
class CheckoutCrashIT {

  private static final Logger log = LoggerFactory.getLogger(CheckoutCrashIT.class);

  private static final int QUANTITY = 2;
  private static final int STOCK = 100;
  private static final Duration SETTLED_WITHIN = Duration.ofSeconds(150);

  private static Shop shop;
  private static List<Shop.Shopper> shoppers;
  private static Set<Shop.Shopper> providerTimesOut;

  @BeforeAll
  static void shoppers() {
    shop = Shop.open("Crash vendor");
    List<Shop.Shopper> paying = shop.shoppersWithCards(5, APPROVE);
    List<Shop.Shopper> timingOut = shop.shoppersWithCards(3, PROVIDER_TIMEOUT);
    shoppers = Stream.concat(paying.stream(), timingOut.stream()).toList();
    providerTimesOut = Set.copyOf(timingOut);
  }

  @Test
  void paymentServiceKilledBetweenRecordingAnAuthorisationAndTheProvidersAnswer() {
    String sku = shop.productInStock(STOCK);
    ServiceDatabase payments = new ServiceDatabase(shop.stack(), "payment");

    Map<String, Shop.Shopper> orders = checkOutEveryShopper(sku);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                payments.count(
                        "SELECT count(*) FROM payment WHERE state = 'AUTHORIZING'"
                            + " AND order_id = ANY(?)",
                        orders.keySet())
                    > 0);
    crashAndRestart("payment-service", orders.keySet());

    assertSettledAsWithoutTheCrash(sku, orders);
  }

  @Test
  void inventoryServiceKilledDuringABurstOfReservationsWhileMoreOrdersArrive() {
    String sku = shop.productInStock(STOCK);
    ServiceDatabase inventory = new ServiceDatabase(shop.stack(), "inventory");
    // The orders placed while inventory is down stay in their saga until it is back, so all 16
    // must fit under the stack's max-in-saga (20) at once: none may be left over from before.
    await()
        .atMost(SETTLED_WITHIN)
        .until(
            () ->
                new ServiceDatabase(shop.stack(), "order")
                        .count(
                            "SELECT count(*) FROM customer_order WHERE status IN"
                                + " ('RESERVING_STOCK', 'AUTHORIZING_PAYMENT', 'CANCELLING')")
                    == 0);

    Map<String, Shop.Shopper> orders = new HashMap<>(checkOutEveryShopper(sku));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                inventory.count(
                        "SELECT count(*) FROM reservation WHERE order_id = ANY(?)", orders.keySet())
                    > 0);
    ServiceProcess service = shop.stack().service("inventory-service");
    service.kill();
    logSagaSteps("inventory-service killed", orders.keySet());
    orders.putAll(checkOutEveryShopper(sku));
    service.restart();
    service.awaitReady(Duration.ofSeconds(120));
    log.info("inventory-service ready again");

    assertSettledAsWithoutTheCrash(sku, orders);
  }

  @Test
  void orderServiceKilledWhileCheckoutsArriveAndRepliesAreInFlight() throws Exception {
    String sku = shop.productInStock(STOCK);
    shoppers.forEach(shopper -> fillOnlyWith(shopper, sku));

    Map<String, Shop.Shopper> orders = new HashMap<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> checkouts = new ArrayList<>();
      for (Shop.Shopper shopper : shoppers) {
        checkouts.add(clients.submit(() -> shop.placeOrder(shopper)));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> checkouts.stream().anyMatch(Future::isDone));
      ServiceProcess service = shop.stack().service("order-service");
      service.kill();
      log.info(
          "order-service killed with {} of {} checkouts unanswered",
          checkouts.stream().filter(c -> !c.isDone()).count(),
          checkouts.size());
      service.restart();
      service.awaitReady(Duration.ofSeconds(120));
      log.info("order-service ready again");
      for (int i = 0; i < shoppers.size(); i++) {
        orders.put(checkouts.get(i).get(), shoppers.get(i));
      }
    }

    assertThat(orders).as("one order per checkout, retried or not").hasSize(shoppers.size());
    for (Shop.Shopper shopper : shoppers) {
      assertThat(ordersOf(shopper, sku)).as("orders of one shopper for the SKU").isOne();
    }
    assertSettledAsWithoutTheCrash(sku, orders);
  }

  private static void crashAndRestart(String name, Set<String> orders) {
    ServiceProcess service = shop.stack().service(name);
    service.kill();
    logSagaSteps(name + " killed", orders);
    service.restart();
    service.awaitReady(Duration.ofSeconds(120));
    log.info("{} ready again", name);
  }

  /**
   * Where the orders were in the saga, and how many payments were still AUTHORIZING: what the crash
   * interrupted, for reading a failure.
   */
  private static void logSagaSteps(String when, Set<String> orders) {
    Map<String, Long> steps =
        new ServiceDatabase(shop.stack(), "order")
                .rows(
                    "SELECT status, count(*) AS n FROM customer_order WHERE id::text = ANY(?)"
                        + " GROUP BY status",
                    orders)
                .stream()
                .collect(
                    Collectors.toMap(
                        row -> (String) row.get("status"),
                        row -> ((Number) row.get("n")).longValue()));
    long authorizing =
        new ServiceDatabase(shop.stack(), "payment")
            .count(
                "SELECT count(*) FROM payment WHERE state = 'AUTHORIZING' AND order_id = ANY(?)",
                orders);
    log.info("{}: orders by saga step {}, payments AUTHORIZING {}", when, steps, authorizing);
  }

  /** Every shopper checks out {@link #QUANTITY} units of the SKU, all at once. */
  private static Map<String, Shop.Shopper> checkOutEveryShopper(String sku) {
    List<String> ids =
        Shop.inParallel(
            shoppers,
            shopper -> {
              fillOnlyWith(shopper, sku);
              return shop.placeOrder(shopper);
            });
    Map<String, Shop.Shopper> orders = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      orders.put(ids.get(i), shoppers.get(i));
    }
    return orders;
  }

  /**
   * The cart holds only this SKU: a checkout cut short by a crash may leave the last one's lines in
   * the cart (it is cleared after the order commits).
   */
  private static void fillOnlyWith(Shop.Shopper shopper, String sku) {
    assertThat(shopper.api().delete("/api/v1/cart").status()).isEqualTo(204);
    shop.fillCart(shopper, sku, QUANTITY);
  }

  private static long ordersOf(Shop.Shopper shopper, String sku) {
    JsonNode history = shopper.api().get("/api/v1/orders?size=100").json().path("items");
    long count = 0;
    for (JsonNode order : history) {
      if (order.path("lines").findValuesAsString("sku").contains(sku)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Paid orders CONFIRMED and holding their units once; orders whose provider timed out CANCELLED
   * with that reason and holding nothing; one provider authorisation per paid order and none for
   * the others; a balanced ledger.
   */
  private static void assertSettledAsWithoutTheCrash(String sku, Map<String, Shop.Shopper> orders) {
    Map<String, JsonNode> settled = shop.awaitFinal(orders, SETTLED_WITHIN);
    log.info("{} orders settled", orders.size());
    List<String> paid =
        orders.entrySet().stream()
            .filter(e -> !providerTimesOut.contains(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    orders.forEach(
        (orderId, shopper) -> {
          JsonNode order = settled.get(orderId);
          if (providerTimesOut.contains(shopper)) {
            assertThat(order.path("status").asString()).as(order.toString()).isEqualTo("CANCELLED");
            assertThat(order.path("cancelReason").asString()).contains("PROVIDER_UNAVAILABLE");
          } else {
            assertThat(order.path("status").asString()).as(order.toString()).isEqualTo("CONFIRMED");
          }
        });

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode stock = shop.stock(sku);
              assertThat(stock.path("onHand").asInt()).isEqualTo(STOCK);
              assertThat(stock.path("reserved").asInt()).isEqualTo(paid.size() * QUANTITY);
              assertThat(stock.path("available").asInt()).isEqualTo(STOCK - paid.size() * QUANTITY);
            });
    Map<String, String> reservations =
        new ServiceDatabase(shop.stack(), "inventory")
                .rows(
                    """
                SELECT r.order_id, r.status,
                       coalesce(sum(l.quantity) FILTER (WHERE l.state = 'HELD'), 0) AS held
                FROM reservation r LEFT JOIN reservation_line l ON l.order_id = r.order_id
                WHERE r.order_id = ANY(?)
                GROUP BY r.order_id, r.status
                """,
                    orders.keySet())
                .stream()
                .collect(
                    Collectors.toMap(
                        row -> (String) row.get("order_id"),
                        row -> row.get("status") + " " + row.get("held")));
    assertThat(reservations)
        .hasSize(orders.size())
        .allSatisfy(
            (orderId, reservation) ->
                assertThat(reservation)
                    .as("reservation of order " + orderId)
                    .isEqualTo(paid.contains(orderId) ? "HELD " + QUANTITY : "RELEASED 0"));

    PaymentRecords payments = new PaymentRecords(shop.stack());
    Map<String, PaymentRecords.Payment> byOrder = payments.of(orders.keySet());
    assertThat(byOrder).hasSize(orders.size());
    byOrder.forEach(
        (orderId, payment) -> {
          if (paid.contains(orderId)) {
            assertThat(payment.state()).as("payment of " + orderId).isEqualTo("AUTHORIZED");
            assertThat(payment.providerAuthorizations()).isOne();
            assertThat(payment.hold()).isEqualTo(QUANTITY * Shop.UNIT_PRICE);
          } else {
            assertThat(payment.state()).as("payment of " + orderId).isEqualTo("FAILED");
            assertThat(payment.failureReason()).isEqualTo("PROVIDER_UNAVAILABLE");
            assertThat(payment.providerAuthorizations()).isZero();
          }
        });
    assertThat(payments.providerAuthorizations(orders.keySet())).isEqualTo(paid.size());
    payments.assertLedgerBalanced(orders.keySet());
  }
}
