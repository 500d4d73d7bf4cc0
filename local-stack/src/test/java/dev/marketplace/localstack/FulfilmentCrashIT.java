package dev.marketplace.localstack;

import static dev.marketplace.localstack.Shop.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services killed (SIGKILL) while vendors finish partial shipments, whose last parcel commits its
 * lines' stock and captures the part: afterwards every order is SHIPPED, each part was captured
 * once at the provider and in the ledger, and the stock left once. And each of order-, inventory-
 * and payment-service killed while vendors receive returns, which are restocked and refunded: each
 * return is refunded once (provider, payment-service and ledger agree) and restocked once.
 */
class FulfilmentCrashIT {

  private static final Logger log = LoggerFactory.getLogger(FulfilmentCrashIT.class);

  private static final int ORDERS = 4;
  private static final int STOCK = 50;

  private static Shop shop;
  private static List<Shop.Shopper> shoppers;

  @BeforeAll
  static void shop() {
    shop = Shop.open("Crash fulfilment vendor");
    shoppers = shop.shoppersWithCards(ORDERS, APPROVE);
  }

  @Test
  void paymentServiceKilledWhileTheLastParcelsAreCaptured() {
    crashWhileFinishingShipments(
        "payment-service",
        (orders, payments) ->
            payments.count(
                    "SELECT count(*) FROM vendor_part v JOIN payment p ON p.id = v.payment_id"
                        + " WHERE p.order_id = ANY(?)",
                    orders)
                > 0);
  }

  @Test
  void inventoryServiceKilledWhileTheLastParcelsCommitTheirStock() {
    crashWhileFinishingShipments(
        "inventory-service",
        (orders, payments) ->
            new ServiceDatabase(shop.stack(), "inventory")
                    .count(
                        "SELECT count(*) FROM reservation WHERE status = 'COMMITTED'"
                            + " AND order_id = ANY(?)",
                        orders)
                > 0);
  }

  @Test
  void orderServiceKilledWhileVendorsShipTheLastParcels() {
    crashWhileFinishingShipments(
        "order-service",
        (orders, payments) ->
            new ServiceDatabase(shop.stack(), "order")
                    .count(
                        "SELECT count(*) FROM customer_order WHERE status = 'SHIPPED'"
                            + " AND id::text = ANY(?)",
                        orders)
                > 0);
  }

  @Test
  void paymentServiceKilledWhileReturnsAreRefunded() {
    crashWhileReturnsAreRefunded(
        "payment-service",
        (returns, payments) ->
            payments.count("SELECT count(*) FROM payment_refund WHERE refund_key = ANY(?)", returns)
                > 0);
  }

  @Test
  void orderServiceKilledWhileVendorsReceiveReturns() {
    crashWhileReturnsAreRefunded(
        "order-service",
        (returns, payments) ->
            new ServiceDatabase(shop.stack(), "order")
                    .count(
                        "SELECT count(*) FROM order_return WHERE status <> 'APPROVED'"
                            + " AND id::text = ANY(?)",
                        returns)
                > 0);
  }

  @Test
  void inventoryServiceKilledWhileReturnsAreRestocked() {
    crashWhileReturnsAreRefunded(
        "inventory-service",
        (returns, payments) ->
            new ServiceDatabase(shop.stack(), "inventory")
                    .count("SELECT count(*) FROM restock WHERE return_id = ANY(?)", returns)
                > 0);
  }

  /**
   * Each shopper buys two units, receives them and returns one; the vendor receives the returns,
   * restocking them, while {@code service} is killed at {@code moment}. Afterwards each return is
   * refunded once (in payment-service, at the provider and in the ledger) and restocked once.
   */
  private void crashWhileReturnsAreRefunded(String service, Moment moment) {
    String sku = shop.productInStock(STOCK);
    List<String> orders = new ArrayList<>();
    for (Shop.Shopper shopper : shoppers) {
      assertThat(shopper.api().delete("/api/v1/cart").status()).isEqualTo(204);
      orders.add(shop.checkout(shopper, sku, 2));
    }
    List<String> returns = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      returns.add(approvedReturnOfOneUnit(shoppers.get(i), orders.get(i), "R-" + i, sku));
    }
    ServiceDatabase payments = new ServiceDatabase(shop.stack(), "payment");

    try (ExecutorService vendor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> receiving = new ArrayList<>();
      for (String returnId : returns) {
        receiving.add(
            vendor.submit(
                () ->
                    untilDone(
                        "receiving return " + returnId,
                        () ->
                            shop.vendor()
                                .post(
                                    "/api/v1/vendor/returns/" + returnId + "/receive",
                                    Map.of("restock", true, "locationId", shop.locationId()))
                                .status())));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> moment.reached(returns, payments));
      ServiceProcess process = shop.stack().service(service);
      process.kill();
      log.info("{} killed while returns were received and refunded", service);
      process.restart();
      process.awaitReady(Duration.ofSeconds(120));
      for (Future<?> done : receiving) {
        done.get();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    for (int i = 0; i < orders.size(); i++) {
      String path = "/api/v1/orders/" + orders.get(i) + "/returns";
      Shop.Shopper shopper = shoppers.get(i);
      await()
          .atMost(Duration.ofSeconds(150))
          .until(
              () -> shopper.api().get(path).json().get(0).path("status").asString(),
              "REFUNDED"::equals);
    }
    assertThat(
            payments.count(
                "SELECT count(*) FROM payment_refund WHERE refund_key = ANY(?)", returns))
        .as("one refund per return")
        .isEqualTo(returns.size());
    assertThat(
            payments.count(
                "SELECT coalesce(sum(calls), 0) FROM simulated_provider_request"
                    + " WHERE operation = 'refund' AND idempotency_key LIKE ANY(?)",
                returns.stream().map(id -> "%:" + id).toList()))
        .as("the provider was asked at least once per return")
        .isGreaterThanOrEqualTo(returns.size());
    assertThat(
            payments.count(
                "SELECT coalesce(sum(c.refunded_minor), 0)::bigint FROM simulated_provider_capture c"
                    + " JOIN simulated_provider_authorization a ON a.id = c.authorization_id"
                    + " WHERE a.idempotency_key = ANY(?)",
                orders.stream().map(id -> "authorize:" + id).toList()))
        .as("the provider refunded each return once")
        .isEqualTo(returns.size() * Shop.UNIT_PRICE);
    new PaymentRecords(shop.stack()).assertLedgerBalanced(orders);
    assertThat(
            new ServiceDatabase(shop.stack(), "inventory")
                .count("SELECT count(*) FROM restock WHERE return_id = ANY(?)", returns))
        .as("one restock per return")
        .isEqualTo(returns.size());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(shop.stock(sku).path("onHand").asInt())
                    .as("two units left per order, one came back")
                    .isEqualTo(STOCK - orders.size()));
  }

  /** The order confirmed, shipped and delivered, and one unit's return opened and approved. */
  private static String approvedReturnOfOneUnit(
      Shop.Shopper shopper, String orderId, String tracking, String sku) {
    shop.awaitStatus(shopper, orderId, "CONFIRMED");
    var shipped = ship(orderId, tracking, sku);
    assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
    String parcel = shipped.json().path("shipments").get(0).path("id").asString();
    assertThat(
            shop.vendor()
                .post(
                    "/api/v1/vendor/orders/" + orderId + "/shipments/" + parcel + "/tracking",
                    Map.of("status", "DELIVERED"))
                .status())
        .isEqualTo(200);
    var opened =
        shopper
            .api()
            .post(
                "/api/v1/orders/" + orderId + "/returns",
                Map.of(
                    "vendorId", shop.vendorId(),
                    "lines", List.of(Map.of("sku", sku, "quantity", 1)),
                    "reason", "one too many"));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String returnId = opened.json().path("id").asString();
    assertThat(shop.vendor().post("/api/v1/vendor/returns/" + returnId + "/approve", null).status())
        .isEqualTo(200);
    return returnId;
  }

  /** When to kill: given the orders (or returns) and payment-service's database. */
  interface Moment {
    boolean reached(List<String> ids, ServiceDatabase payments);
  }

  private void crashWhileFinishingShipments(String service, Moment moment) {
    String first = shop.productInStock(STOCK);
    String second = shop.productInStock(STOCK);
    List<String> orders = new ArrayList<>();
    for (Shop.Shopper shopper : shoppers) {
      assertThat(shopper.api().delete("/api/v1/cart").status()).isEqualTo(204);
      shop.fillCart(shopper, first, 1);
      orders.add(shop.checkout(shopper, second, 1));
    }
    for (int i = 0; i < orders.size(); i++) {
      shop.awaitStatus(shoppers.get(i), orders.get(i), "CONFIRMED");
      assertThat(ship(orders.get(i), "A-" + i, first).status()).isEqualTo(200);
    }
    ServiceDatabase payments = new ServiceDatabase(shop.stack(), "payment");

    try (ExecutorService vendor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> shipping = new ArrayList<>();
      for (int i = 0; i < orders.size(); i++) {
        String orderId = orders.get(i);
        String tracking = "B-" + i;
        shipping.add(
            vendor.submit(
                () ->
                    untilDone(
                        "shipping " + second + " of " + orderId,
                        () -> ship(orderId, tracking, second).status())));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> moment.reached(orders, payments));
      ServiceProcess process = shop.stack().service(service);
      process.kill();
      log.info("{} killed while the last parcels shipped", service);
      process.restart();
      process.awaitReady(Duration.ofSeconds(120));
      log.info("{} ready again", service);
      for (Future<?> done : shipping) {
        done.get();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    for (int i = 0; i < orders.size(); i++) {
      shop.awaitStatus(shoppers.get(i), orders.get(i), "SHIPPED");
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              for (Map<String, Object> part :
                  payments.rows(
                      """
                      SELECT p.order_id,
                             (SELECT count(*) FROM vendor_part v WHERE v.payment_id = p.id) AS parts,
                             (SELECT coalesce(sum(v.captured_minor), 0)::bigint FROM vendor_part v
                              WHERE v.payment_id = p.id) AS captured,
                             (SELECT count(*) FROM simulated_provider_capture c
                              JOIN simulated_provider_authorization a ON a.id = c.authorization_id
                              WHERE a.idempotency_key = p.idempotency_key) AS provider_captures
                      FROM payment p WHERE p.order_id = ANY(?)
                      """,
                      orders)) {
                assertThat(part)
                    .as("payment of order %s", part.get("order_id"))
                    .containsEntry("parts", 1L)
                    .containsEntry("captured", 2 * Shop.UNIT_PRICE)
                    .containsEntry("provider_captures", 1L);
              }
            });
    new PaymentRecords(shop.stack()).assertLedgerBalanced(orders);
    for (String sku : List.of(first, second)) {
      assertThat(shop.stock(sku).path("onHand").asInt())
          .as("%s left once per order", sku)
          .isEqualTo(STOCK - ORDERS);
      assertThat(shop.stock(sku).path("reserved").asInt()).isZero();
    }
  }

  private static ApiClient.Response ship(String orderId, String tracking, String sku) {
    return shop.vendor()
        .post(
            "/api/v1/vendor/orders/" + orderId + "/ship",
            Map.of("trackingNumber", tracking, "carrier", "demo-post", "skus", List.of(sku)));
  }

  /**
   * Calls as a vendor's system would: a broken connection or a 5xx is retried; a 400 or 409 after a
   * retry means the attempt that broke had done it (the line no longer awaits shipment, the return
   * is no longer approved).
   */
  private static void untilDone(String what, IntSupplier call) {
    AtomicBoolean retried = new AtomicBoolean();
    await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              try {
                int status = call.getAsInt();
                if (status == 200 || (retried.get() && (status == 400 || status == 409))) {
                  return true;
                }
                if (status < 500 && status != 429) {
                  throw new AssertionError(what + " answered " + status);
                }
              } catch (RuntimeException e) {
                // The connection broke (the service died): try again.
              }
              retried.set(true);
              return false;
            });
  }
}
