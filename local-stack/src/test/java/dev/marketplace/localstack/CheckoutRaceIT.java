package dev.marketplace.localstack;

import static dev.marketplace.localstack.Shop.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The last units of a SKU, wanted by far more shoppers than there are units, all at once: 200
 * shoppers (each with their own account, token, cart and card) check out one unit each of a SKU
 * with 10 in stock, through the gateway, released together. Every service is real; only the card
 * provider is simulated.
 *
 * <p>The stack's gateway limits are per token subject (200/s) and, for sign-up and sign-in, per
 * address (100/s); 200 shoppers with about seven identity requests each, made a few at a time, stay
 * under them, so no limit is changed for this test.
 */
class CheckoutRaceIT {

  private static final Logger log = LoggerFactory.getLogger(CheckoutRaceIT.class);

  private static final int SHOPPERS = 200;
  private static final int UNITS = 10;

  @Test
  void tenOfTwoHundredSimultaneousCheckoutsForTenUnitsAreConfirmedAndTheRestCancelledOutOfStock()
      throws Exception {
    Shop shop = Shop.open("Race vendor");
    String sku = shop.productInStock(UNITS);
    List<Shop.Shopper> shoppers = shop.shoppersWithCards(SHOPPERS, APPROVE);
    shop.fillCart(shoppers.getFirst(), sku, 1);
    Shop.inParallel(
        shoppers,
        shopper -> {
          shop.fillCart(shopper, sku, 1);
          return shopper;
        });

    log.info("{} shoppers with a card and the SKU in their cart", SHOPPERS);

    Map<String, Shop.Shopper> orders = checkOutAllAtOnce(shop, shoppers);
    log.info("{} checkouts answered", orders.size());

    assertThat(orders).hasSize(SHOPPERS);
    Map<String, JsonNode> settled = shop.awaitFinal(orders, Duration.ofSeconds(180));
    log.info("{} orders settled", settled.size());
    Map<String, List<String>> byStatus =
        settled.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.getValue().path("status").asString(),
                    Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    List<String> confirmed = byStatus.getOrDefault("CONFIRMED", List.of());
    assertThat(confirmed).hasSize(UNITS);
    assertThat(byStatus.get("CANCELLED")).hasSize(SHOPPERS - UNITS);
    assertThat(byStatus.get("CANCELLED"))
        .allSatisfy(
            id ->
                assertThat(settled.get(id).path("cancelReason").asString())
                    .startsWith("out of stock: " + sku));

    JsonNode stock = shop.stock(sku);
    assertThat(stock.path("onHand").asInt()).isEqualTo(UNITS);
    assertThat(stock.path("reserved").asInt()).isEqualTo(UNITS);
    assertThat(stock.path("available").asInt()).isZero();
    assertThat(availabilityAnnounced(shop, sku, stock.path("stockVersion").asLong()))
        .as("available units announced during the race")
        .allSatisfy(available -> assertThat(available).isNotNegative())
        .last()
        .isEqualTo(0);
    assertThat(reservations(shop, orders.keySet()))
        .as("one reservation per order: held for the confirmed, failed for the rest")
        .hasSize(SHOPPERS)
        .allSatisfy(
            (orderId, reservation) ->
                assertThat(reservation)
                    .isEqualTo(confirmed.contains(orderId) ? "HELD 1" : "FAILED 0"));

    PaymentRecords payments = new PaymentRecords(shop.stack());
    assertThat(payments.providerAuthorizations(orders.keySet())).isEqualTo(UNITS);
    Map<String, PaymentRecords.Payment> paid = payments.of(orders.keySet());
    assertThat(paid.keySet()).as("payments only for confirmed orders").hasSameElementsAs(confirmed);
    assertThat(paid.values())
        .allSatisfy(
            p -> {
              assertThat(p.state()).isEqualTo("AUTHORIZED");
              assertThat(p.providerCalls()).isOne();
              assertThat(p.hold()).isEqualTo(Shop.UNIT_PRICE);
            });
    payments.assertLedgerBalanced(orders.keySet());
  }

  /** Every shopper's checkout waits at one gate, which opens once all are ready. */
  private static Map<String, Shop.Shopper> checkOutAllAtOnce(Shop shop, List<Shop.Shopper> shoppers)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(shoppers.size());
    CountDownLatch gate = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> checkouts =
          shoppers.stream()
              .map(
                  shopper ->
                      threads.submit(
                          () -> {
                            ready.countDown();
                            gate.await();
                            return shop.placeOrder(shopper);
                          }))
              .toList();
      ready.await();
      gate.countDown();
      Map<String, Shop.Shopper> orders = new HashMap<>();
      for (int i = 0; i < shoppers.size(); i++) {
        orders.put(checkouts.get(i).get(), shoppers.get(i));
      }
      return orders;
    }
  }

  /** Each order's reservation as "STATUS held-units", read from inventory's database. */
  private static Map<String, String> reservations(Shop shop, Set<String> orderIds) {
    return new ServiceDatabase(shop.stack(), "inventory")
            .rows(
                """
            SELECT r.order_id, r.status,
                   coalesce(sum(l.quantity) FILTER (WHERE l.state = 'HELD'), 0) AS held
            FROM reservation r LEFT JOIN reservation_line l ON l.order_id = r.order_id
            WHERE r.order_id = ANY(?)
            GROUP BY r.order_id, r.status
            """,
                orderIds)
            .stream()
            .collect(
                Collectors.toMap(
                    row -> (String) row.get("order_id"),
                    row -> row.get("status") + " " + row.get("held")));
  }

  /**
   * The available units inventory announced for the SKU, in stock-version order, up to the given
   * version (each change is announced through the outbox, so they may arrive out of order). Found
   * by the payload's SKU, which is unique to this test, whatever the record key.
   */
  private static List<Integer> availabilityAnnounced(Shop shop, String sku, long upToVersion) {
    try (TopicReader reader =
        new TopicReader(shop.stack().kafkaBootstrapServers(), Topics.INVENTORY_AVAILABILITY)) {
      List<ConsumerRecord<String, String>> records =
          reader.readUntil(
              all -> announcements(all, sku).anyMatch(a -> a.stockVersion() == upToVersion),
              Duration.ofSeconds(30));
      return announcements(records, sku)
          .sorted(Comparator.comparingLong(StockAvailabilityChangedV1::stockVersion))
          .map(StockAvailabilityChangedV1::available)
          .toList();
    }
  }

  private static Stream<StockAvailabilityChangedV1> announcements(
      List<ConsumerRecord<String, String>> records, String sku) {
    return records.stream()
        .map(r -> (StockAvailabilityChangedV1) EventJson.read(r.value()).payload())
        .filter(a -> a.sku().equals(sku));
  }
}
