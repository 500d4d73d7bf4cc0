package dev.marketplace.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.StockReleasedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.inventory.stock.SkuKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationTest {

  private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
  private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(15));
  private static final SkuKey LAMP = new SkuKey("vendor-1", "LAMP");
  private static final SkuKey CHAIR = new SkuKey("vendor-2", "CHAIR");
  private static final UUID WAREHOUSE = UUID.randomUUID();

  private final Reservation twoVendors =
      Reservation.held(
          "order-1",
          EXPIRY,
          List.of(new Allocation(LAMP, WAREHOUSE, 2), new Allocation(CHAIR, WAREHOUSE, 1)),
          NOW);

  @Test
  void aHeldReservationAnswersReservedUntilItsExpiryEveryTimeItIsAsked() {
    assertThat(ReservationReplies.reserve(twoVendors))
        .isEqualTo(new StockReservedV1("order-1", EXPIRY));
    assertThat(ReservationReplies.reserve(twoVendors))
        .isEqualTo(new StockReservedV1("order-1", EXPIRY));
  }

  @Test
  void aFailedReservationAnswersWithItsShortages() {
    Reservation failed = Reservation.failed("order-2", List.of(new Shortage(LAMP, 3, 1)), NOW);

    assertThat(ReservationReplies.reserve(failed))
        .isEqualTo(
            new StockReservationFailedV1(
                "order-2", List.of(new StockReservationFailedV1.Shortage("LAMP", 3, 1))));
    assertThat(failed.release(NOW)).isEmpty();
    assertThat(failed.status()).isEqualTo(ReservationStatus.FAILED);
  }

  @Test
  void releasingGivesBackWhatIsHeldOnce() {
    assertThat(twoVendors.release(NOW)).hasSize(2);
    assertThat(twoVendors.status()).isEqualTo(ReservationStatus.RELEASED);
    assertThat(twoVendors.release(NOW)).isEmpty();
    assertThat(ReservationReplies.reserve(twoVendors)).isEqualTo(new StockReleasedV1("order-1"));
  }

  @Test
  void eachVendorCommitsItsOwnPartAndTheLastOneCompletesIt() {
    List<Reservation.Shipped> lamps = twoVendors.commit("vendor-1", NOW);
    assertThat(lamps).extracting(s -> s.line().key()).containsExactly(LAMP);
    assertThat(lamps).allMatch(Reservation.Shipped::wasHeld);
    assertThat(twoVendors.status()).isEqualTo(ReservationStatus.HELD);
    assertThat(twoVendors.commit("vendor-1", NOW)).as("committing again").isEmpty();

    twoVendors.commit("vendor-2", NOW);
    assertThat(twoVendors.status()).isEqualTo(ReservationStatus.COMMITTED);
    assertThat(twoVendors.release(NOW)).as("shipped units are not released").isEmpty();
    assertThat(ReservationReplies.reserve(twoVendors))
        .isEqualTo(new StockReservedV1("order-1", EXPIRY));
  }

  @Test
  void aVendorShipsSomeLinesAndCancelsTheOthersEachLineWhole() {
    Reservation order =
        Reservation.held(
            "order-2",
            EXPIRY,
            List.of(
                new Allocation(LAMP, WAREHOUSE, 2),
                new Allocation(new SkuKey("vendor-1", "SHADE"), WAREHOUSE, 1),
                new Allocation(CHAIR, WAREHOUSE, 1)),
            NOW);

    assertThat(order.commit("vendor-1", Set.of("LAMP"), NOW))
        .extracting(s -> s.line().key())
        .containsExactly(LAMP);
    assertThat(order.releaseLines("vendor-1", Set.of("SHADE"), NOW))
        .extracting(ReservationLine::key)
        .containsExactly(new SkuKey("vendor-1", "SHADE"));
    assertThat(order.releaseLines("vendor-1", Set.of("SHADE", "LAMP"), NOW))
        .as("released again, or already shipped: nothing")
        .isEmpty();
    assertThat(order.status()).as("the chair is still held").isEqualTo(ReservationStatus.HELD);

    order.releaseLines("vendor-2", Set.of("CHAIR"), NOW);
    assertThat(order.status()).isEqualTo(ReservationStatus.COMMITTED);
  }

  @Test
  void anOrderWhoseEveryLineIsCancelledIsReleased() {
    twoVendors.releaseLines("vendor-1", Set.of("LAMP"), NOW);
    twoVendors.releaseLines("vendor-2", Set.of("CHAIR"), NOW);

    assertThat(twoVendors.status()).isEqualTo(ReservationStatus.RELEASED);
  }

  @Test
  void releasingAfterOneVendorShippedGivesBackOnlyTheOthersUnits() {
    twoVendors.commit("vendor-1", NOW);

    assertThat(twoVendors.release(NOW)).extracting(ReservationLine::key).containsExactly(CHAIR);
  }

  @Test
  void aShipmentAfterTheHoldExpiredIsRecordedAsNotHeld() {
    twoVendors.expire(EXPIRY);

    assertThat(twoVendors.commit("vendor-2", NOW))
        .singleElement()
        .extracting(Reservation.Shipped::wasHeld)
        .isEqualTo(false);
  }

  @Test
  void onlyAnExpiryRecordsThatItTellsTheSagaTheOrderHoldsNothing() {
    twoVendors.release(NOW);
    assertThat(twoVendors.takeRecorded()).isEmpty();

    Reservation expiring =
        Reservation.held("order-4", EXPIRY, List.of(new Allocation(LAMP, WAREHOUSE, 1)), NOW);
    expiring.expire(EXPIRY);
    assertThat(expiring.takeRecorded())
        .containsExactly(new Outgoing(Topics.INVENTORY_REPLIES, new StockReleasedV1("order-4")));
    assertThat(expiring.takeRecorded()).as("taken once").isEmpty();
  }

  @Test
  void onlyAHeldReservationPastItsExpiryExpires() {
    assertThat(twoVendors.expiredAt(EXPIRY.minusMillis(1))).isFalse();
    assertThatThrownBy(() -> twoVendors.expire(EXPIRY.minusMillis(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(twoVendors.expiredAt(EXPIRY)).isTrue();

    assertThat(twoVendors.expire(EXPIRY)).hasSize(2);
    assertThat(twoVendors.expiredAt(EXPIRY.plusSeconds(60))).isFalse();
  }

  @Test
  void aReleaseThatCameFirstMakesTheLateReserveAnswerReleased() {
    Reservation released = Reservation.releasedBeforeReserving("order-3", NOW);

    assertThat(ReservationReplies.reserve(released)).isEqualTo(new StockReleasedV1("order-3"));
    assertThat(released.commit("vendor-1", NOW)).isEmpty();
  }
}
