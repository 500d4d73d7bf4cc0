package dev.marketplace.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.CommitStockV1;
import dev.marketplace.events.inventory.ReleaseStockLinesV1;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.RestockRefusedV1;
import dev.marketplace.events.inventory.RestockV1;
import dev.marketplace.events.inventory.ShipStockV1;
import dev.marketplace.events.inventory.StockCommittedV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.events.inventory.StockLinesReleasedV1;
import dev.marketplace.events.inventory.StockReleasedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1.Shortage;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.events.inventory.StockRestockedV1;
import dev.marketplace.inventory.InventoryIntegrationTest;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The saga's commands through Kafka, the replies from the outbox. */
class ReservationIT extends InventoryIntegrationTest {

  private final String vendor = newVendor();
  private final String lamp = newSku("LAMP");
  private final String vase = newSku("VASE");
  private final String order = "order-" + UUID.randomUUID();
  private final Instant expiresAt =
      Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MILLIS);

  @Test
  void anOrderGetsAllItsLinesFromAcrossLocationsOrNothing() {
    catalogHas(vendor, lamp, vase);
    String warehouse = location(vendor, "WAREHOUSE");
    String store = location(vendor, "STORE");
    stock(vendor, warehouse, lamp, 3);
    stock(vendor, store, lamp, 2);
    stock(vendor, store, vase, 1);

    String tooMuch = "order-" + UUID.randomUUID();
    Event failed = reserve(tooMuch, new StockLine(lamp, vendor, 4), new StockLine(vase, vendor, 2));
    assertThat(failed)
        .isEqualTo(new StockReservationFailedV1(tooMuch, List.of(new Shortage(vase, 2, 1))));
    assertThat(sku(lamp).path("reserved").asInt()).as("nothing held").isZero();

    command(
        new ReserveStockV1(
            order,
            List.of(new StockLine(lamp, vendor, 4), new StockLine(vase, vendor, 1)),
            expiresAt));
    assertThat(replies(order, 1)).containsExactly(new StockReservedV1(order, expiresAt));
    assertThat(level(vendor, warehouse, lamp).json().path("reserved").asInt()).isEqualTo(3);
    assertThat(level(vendor, store, lamp).json().path("reserved").asInt()).isEqualTo(1);
    assertThat(sku(lamp).path("available").asInt()).isEqualTo(1);
    assertThat(sku(vase).path("level").asString()).isEqualTo("OUT_OF_STOCK");
  }

  /** Shortages are listed by vendor, then SKU ("someone-else" sorts before "vendor-..."). */
  @Test
  void anUnknownSkuOrAnotherVendorsSkuIsShortOfEverything() {
    catalogHas(vendor, lamp);
    stock(vendor, location(vendor, "WAREHOUSE"), lamp, 5);

    assertThat(
            reserve(
                order, new StockLine(lamp, "someone-else", 1), new StockLine("NONE", vendor, 1)))
        .isEqualTo(
            new StockReservationFailedV1(
                order, List.of(new Shortage(lamp, 1, 0), new Shortage("NONE", 1, 0))));
  }

  @Test
  void aCommandDeliveredTwiceHasOneEffectAndARepeatedCommandTheSameAnswer() {
    catalogHas(vendor, lamp);
    stock(vendor, location(vendor, "WAREHOUSE"), lamp, 5);
    ReserveStockV1 reserve =
        new ReserveStockV1(order, List.of(new StockLine(lamp, vendor, 2)), expiresAt);

    EventEnvelope<ReserveStockV1> sent = command(reserve);
    sendCommand(sent);
    command(reserve);

    assertThat(replies(order, 2))
        .containsExactly(
            new StockReservedV1(order, expiresAt), new StockReservedV1(order, expiresAt));
    assertOnlyReplies(order, 2);
    assertThat(sku(lamp).path("reserved").asInt()).isEqualTo(2);
  }

  @Test
  void releasingGivesTheUnitsBackOnceAndAnswersEveryTime() {
    catalogHas(vendor, lamp);
    stock(vendor, location(vendor, "WAREHOUSE"), lamp, 5);
    reserve(order, new StockLine(lamp, vendor, 5));
    assertThat(sku(lamp).path("available").asInt()).isZero();

    command(new ReleaseStockV1(order, "payment declined"));
    command(new ReleaseStockV1(order, "payment declined"));
    command(new ReserveStockV1(order, List.of(new StockLine(lamp, vendor, 5)), expiresAt));

    assertThat(replies(order, 4).subList(1, 4))
        .containsExactly(
            new StockReleasedV1(order), new StockReleasedV1(order), new StockReleasedV1(order));
    assertThat(sku(lamp).path("available").asInt()).isEqualTo(5);
    assertThat(sku(lamp).path("reserved").asInt()).isZero();
  }

  @Test
  void aReleaseThatOvertookItsReserveLeavesTheLateReserveWithoutEffect() {
    catalogHas(vendor, lamp);
    stock(vendor, location(vendor, "WAREHOUSE"), lamp, 5);

    command(new ReleaseStockV1(order, "saga timed out"));
    command(new ReserveStockV1(order, List.of(new StockLine(lamp, vendor, 1)), expiresAt));

    assertThat(replies(order, 2))
        .containsExactly(new StockReleasedV1(order), new StockReleasedV1(order));
    assertThat(sku(lamp).path("reserved").asInt()).isZero();
  }

  @Test
  void eachVendorCommitsItsOwnPartWhenItShips() {
    String chairs = newVendor();
    String chair = newSku("CHAIR");
    catalogHas(vendor, lamp);
    catalogHas(chairs, chair);
    stock(vendor, location(vendor, "WAREHOUSE"), lamp, 5);
    stock(chairs, location(chairs, "WAREHOUSE"), chair, 4);
    reserve(order, new StockLine(lamp, vendor, 2), new StockLine(chair, chairs, 1));

    command(new CommitStockV1(order, vendor));
    command(new CommitStockV1(order, vendor));

    assertThat(replies(order, 3).subList(1, 3))
        .containsExactly(new StockCommittedV1(order, vendor), new StockCommittedV1(order, vendor));
    JsonNode lamps = sku(lamp);
    assertThat(lamps.path("onHand").asInt()).isEqualTo(3);
    assertThat(lamps.path("reserved").asInt()).isZero();
    assertThat(lamps.path("available").asInt()).isEqualTo(3);
    JsonNode chairStock = asVendor(chairs).get("/api/v1/vendor/skus/" + chair).json();
    assertThat(chairStock.path("onHand").asInt()).isEqualTo(4);
    assertThat(chairStock.path("reserved").asInt()).isEqualTo(1);

    command(new ReleaseStockV1(order, "shopper cancelled the rest"));
    assertThat(replies(order, 4).get(3)).isEqualTo(new StockReleasedV1(order));
    assertThat(asVendor(chairs).get("/api/v1/vendor/skus/" + chair).json().path("reserved").asInt())
        .isZero();
    assertThat(sku(lamp).path("onHand").asInt()).as("shipped units stay shipped").isEqualTo(3);
  }

  @Test
  void aVendorShipsSomeLinesAndCancelsOthersAndOnlyThoseUnitsMove() {
    catalogHas(vendor, lamp);
    catalogHas(vendor, vase);
    String warehouse = location(vendor, "WAREHOUSE");
    stock(vendor, warehouse, lamp, 5);
    stock(vendor, warehouse, vase, 5);
    reserve(order, new StockLine(lamp, vendor, 2), new StockLine(vase, vendor, 1));

    command(new ShipStockV1(order, vendor, UUID.randomUUID().toString(), List.of(lamp)));
    command(new ReleaseStockLinesV1(order, vendor, List.of(vase), "broken in the warehouse"));

    assertThat(replies(order, 3).subList(1, 3))
        .containsExactly(
            new StockCommittedV1(order, vendor),
            new StockLinesReleasedV1(order, vendor, List.of(vase)));
    assertThat(sku(lamp).path("onHand").asInt()).as("the lamps left").isEqualTo(3);
    assertThat(sku(lamp).path("reserved").asInt()).isZero();
    assertThat(sku(vase).path("onHand").asInt()).as("the vase stayed").isEqualTo(5);
    assertThat(sku(vase).path("available").asInt()).as("and is free again").isEqualTo(5);
  }

  @Test
  void aReturnIsRestockedOnceAtTheVendorsOwnLocationOnly() {
    catalogHas(vendor, lamp);
    String warehouse = location(vendor, "WAREHOUSE");
    String store = location(vendor, "STORE");
    String othersSite = location(newVendor(), "WAREHOUSE");
    stock(vendor, warehouse, lamp, 5);
    String returnId = UUID.randomUUID().toString();
    RestockV1 restock =
        new RestockV1(order, returnId, vendor, store, List.of(new StockLine(lamp, vendor, 2)));

    command(restock);
    command(restock);
    command(
        new RestockV1(
            order,
            UUID.randomUUID().toString(),
            vendor,
            othersSite,
            List.of(new StockLine(lamp, vendor, 1))));

    List<Event> answers = replies(order, 3);
    assertThat(answers.subList(0, 2))
        .containsExactly(
            new StockRestockedV1(order, returnId), new StockRestockedV1(order, returnId));
    assertThat(answers.get(2)).isInstanceOf(RestockRefusedV1.class);
    assertThat(sku(lamp).path("onHand").asInt()).as("5 counted, 2 returned once").isEqualTo(7);
  }

  @Test
  void anExpiredReservationIsReleasedAndTheSagaIsTold() {
    catalogHas(vendor, lamp);
    stock(vendor, location(vendor, "WAREHOUSE"), lamp, 5);

    command(
        new ReserveStockV1(
            order, List.of(new StockLine(lamp, vendor, 3)), Instant.now().plusSeconds(1)));

    List<Event> replies = replies(order, 2);
    assertThat(replies.get(0)).isInstanceOf(StockReservedV1.class);
    assertThat(replies.get(1)).isEqualTo(new StockReleasedV1(order));
    await().atMost(PATIENCE).until(() -> sku(lamp).path("reserved").asInt() == 0);
    assertThat(sku(lamp).path("available").asInt()).isEqualTo(5);
  }

  @Test
  void aMalformedCommandIsDeadLetteredAndOtherOrdersGoOn() {
    catalogHas(vendor, lamp);
    stock(vendor, location(vendor, "WAREHOUSE"), lamp, 5);
    String poison = "poison-" + UUID.randomUUID();
    String zeroQuantity = "zero-" + UUID.randomUUID();

    send(Topics.INVENTORY_COMMANDS, poison, "{\"not\": \"an event\"");
    command(new ReserveStockV1(zeroQuantity, List.of(new StockLine(lamp, vendor, 0)), expiresAt));
    Event reply = reserve(order, new StockLine(lamp, vendor, 1));

    assertThat(reply).isInstanceOf(StockReservedV1.class);
    try (TopicReader deadLetters =
        new TopicReader(
            KafkaTestServer.bootstrapServers(),
            topics.deadLetter(topics.name(Topics.INVENTORY_COMMANDS)))) {
      var records =
          deadLetters.readUntil(
              r ->
                  r.stream().anyMatch(x -> poison.equals(x.key()))
                      && r.stream().anyMatch(x -> zeroQuantity.equals(x.key())),
              PATIENCE);
      assertThat(records).anyMatch(r -> poison.equals(r.key()));
      assertThat(records).anyMatch(r -> zeroQuantity.equals(r.key()));
    }
    assertOnlyReplies(zeroQuantity, 0);
  }

  private JsonNode sku(String sku) {
    var response = asVendor(vendor).get("/api/v1/vendor/skus/" + sku);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /**
   * Exactly {@code count} replies arrive for the order: once that many are read (however slowly the
   * reader joins), it waits a moment more for stragglers.
   */
  private void assertOnlyReplies(String orderId, int count) {
    try (TopicReader reader = reader(Topics.INVENTORY_REPLIES)) {
      reader.readUntil(records -> payloadsOf(records, orderId).size() >= count, PATIENCE);
      assertThat(payloadsOf(reader.readFor(Duration.ofSeconds(2)), orderId)).hasSize(count);
    }
  }
}
