package dev.marketplace.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.inventory.InventoryIntegrationTest;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Many shoppers want the last units at once: exactly the units there are get reserved. */
class ReservationRaceIT extends InventoryIntegrationTest {

  private static final int ORDERS = 200;
  private static final int UNITS = 10;

  @Test
  void twoHundredConcurrentOrdersForTenUnitsReserveExactlyTen() {
    String vendor = newVendor();
    String sku = newSku("LAST");
    catalogHas(vendor, sku);
    stock(vendor, location(vendor, "WAREHOUSE"), sku, 6);
    stock(vendor, location(vendor, "STORE"), sku, 4);
    Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));
    List<String> orders =
        IntStream.range(0, ORDERS).mapToObj(i -> "race-" + i + "-" + UUID.randomUUID()).toList();

    // All commands are handed to the producer at once; the listener's threads then race for them.
    CompletableFuture<?>[] sends =
        orders.stream()
            .map(
                order -> {
                  var envelope =
                      EventEnvelope.of(
                          "order-service",
                          Instant.now(),
                          null,
                          new ReserveStockV1(
                              order, List.of(new StockLine(sku, vendor, 1)), expiresAt));
                  return kafka.send(
                      topics.name(Topics.INVENTORY_COMMANDS), order, EventJson.write(envelope));
                })
            .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(sends).join();

    Set<String> ours = Set.copyOf(orders);
    Map<String, Event> replies;
    try (TopicReader reader = reader(Topics.INVENTORY_REPLIES)) {
      replies =
          reader
              .readUntil(
                  records ->
                      records.stream()
                              .map(ConsumerRecord::key)
                              .filter(ours::contains)
                              .distinct()
                              .count()
                          == ORDERS,
                  Duration.ofSeconds(90))
              .stream()
              .filter(r -> ours.contains(r.key()))
              .collect(
                  Collectors.toMap(
                      ConsumerRecord::key, r -> EventJson.read(r.value()).payload(), (a, b) -> a));
    }

    assertThat(replies).hasSize(ORDERS);
    assertThat(replies.values().stream().filter(StockReservedV1.class::isInstance)).hasSize(UNITS);
    assertThat(replies.values().stream().filter(StockReservationFailedV1.class::isInstance))
        .hasSize(ORDERS - UNITS)
        .allSatisfy(
            failed ->
                assertThat(((StockReservationFailedV1) failed).shortages())
                    .containsExactly(new StockReservationFailedV1.Shortage(sku, 1, 0)));

    var stock = asVendor(vendor).get("/api/v1/vendor/skus/" + sku).json();
    assertThat(stock.path("onHand").asInt()).isEqualTo(UNITS);
    assertThat(stock.path("reserved").asInt()).isEqualTo(UNITS);
    assertThat(stock.path("available").asInt()).isZero();
    long reservedRows =
        jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM reservation_line WHERE sku = ?")
            .param(sku)
            .query(Long.class)
            .single();
    assertThat(reservedRows).isEqualTo(UNITS);

    try (TopicReader reader = reader(Topics.INVENTORY_AVAILABILITY)) {
      List<StockAvailabilityChangedV1> announced =
          payloads(
                  reader,
                  StockAvailabilityChangedV1.key(vendor, sku),
                  all -> all.size() >= 2 + UNITS)
              .stream()
              .map(StockAvailabilityChangedV1.class::cast)
              .sorted(Comparator.comparingLong(StockAvailabilityChangedV1::stockVersion))
              .toList();
      assertThat(announced).allMatch(e -> e.available() >= 0);
      // Two levels set, then one change per reserved unit: one version each, none repeated.
      assertThat(announced.stream().map(StockAvailabilityChangedV1::stockVersion))
          .containsExactlyElementsOf(
              IntStream.rangeClosed(1, 2 + UNITS).mapToObj(Long::valueOf).toList());
      assertThat(announced.getLast().available()).isZero();
      assertThat(announced.getLast().level())
          .isEqualTo(StockAvailabilityChangedV1.Level.OUT_OF_STOCK);
    }
  }
}
