package dev.marketplace.order.order;

import static dev.marketplace.order.order.OrderStatus.AUTHORIZING_PAYMENT;
import static dev.marketplace.order.order.OrderStatus.CANCELLED;
import static dev.marketplace.order.order.OrderStatus.CANCELLING;
import static dev.marketplace.order.order.OrderStatus.CONFIRMED;
import static dev.marketplace.order.order.OrderStatus.PARTLY_SHIPPED;
import static dev.marketplace.order.order.OrderStatus.RESERVING_STOCK;
import static dev.marketplace.order.order.OrderStatus.SHIPPED;
import static dev.marketplace.order.order.Replies.authorised;
import static dev.marketplace.order.order.Replies.outOfStock;
import static dev.marketplace.order.order.Replies.paymentFailed;
import static dev.marketplace.order.order.Replies.stockReleased;
import static dev.marketplace.order.order.Replies.stockReserved;
import static dev.marketplace.order.order.Replies.voided;
import static dev.marketplace.order.order.SagaScenario.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.events.Event;
import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.ShipStockV1;
import dev.marketplace.events.inventory.StockReservationFailedV1.Shortage;
import dev.marketplace.events.order.OrderPlacedV1;
import dev.marketplace.events.order.OrderStatusChangedV1;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentFailedV1.Reason;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.order.money.Money;
import dev.marketplace.order.saga.Participant;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The saga as the business tells it: given this reply, expect this command and this status. */
class OrderSagaTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Money LAMP = new Money(12_900, "EUR");
  private static final Money MUG = new Money(1_500, "EUR");

  /** vendor-a: a lamp (shipping 490); vendor-b: two mugs (free shipping). */
  private final Order order =
      Order.place(
          UUID.randomUUID(),
          "customer-1",
          List.of(
              new OrderLine("LAMP-1", "vendor-a", "Brass lamp", 1, LAMP),
              new OrderLine("MUG-1", "vendor-b", "Mug", 2, MUG)),
          Map.of("vendor-a", new Money(490, "EUR"), "vendor-b", Money.zero("EUR")),
          "pm_1",
          NOW,
          NOW.plusSeconds(7 * 86_400));

  @Test
  void aNewOrderAsksInventoryToReserveEveryLine() {
    assertThat(order.status()).isEqualTo(RESERVING_STOCK);
    assertThat(order.total()).isEqualTo(new Money(16_390, "EUR")); // 12,900 + 2 × 1,500 + 490
    List<Event> sent = order.takeRecorded().stream().map(m -> m.payload()).toList();
    ReserveStockV1 reserve =
        sent.stream()
            .filter(ReserveStockV1.class::isInstance)
            .map(ReserveStockV1.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(reserve.lines()).hasSize(2);
    assertThat(reserve.lines().get(1).quantity()).isEqualTo(2);
  }

  @Test
  void aNewOrderIsAnnouncedOnceWithWhatWasBoughtFromWhomInWhichCategory() {
    Order placed =
        Order.place(
            UUID.randomUUID(),
            "customer-1",
            List.of(new OrderLine("LAMP-1", "vendor-a", "Brass lamp", "lighting", 1, LAMP)),
            Map.of("vendor-a", new Money(490, "EUR")),
            "pm_1",
            NOW,
            NOW.plusSeconds(7 * 86_400));

    List<OrderPlacedV1> announced =
        placed.takeRecorded().stream()
            .map(Outgoing::payload)
            .filter(OrderPlacedV1.class::isInstance)
            .map(OrderPlacedV1.class::cast)
            .toList();
    assertThat(announced)
        .containsExactly(
            new OrderPlacedV1(
                placed.id().toString(),
                NOW,
                "EUR",
                13_390,
                List.of(
                    new OrderPlacedV1.Line(
                        "LAMP-1", "vendor-a", "lighting", "Brass lamp", 1, 12_900)),
                List.of(new OrderPlacedV1.Part("vendor-a", 490))));
    given(placed, NOW)
        .when(stockReserved(placed))
        .when(authorised(placed, "pay_1"))
        .expectNoCommand()
        .expectEvents(OrderStatusChangedV1.class)
        .expectStatus(CONFIRMED);
  }

  @Test
  void reservedStockLeadsToAuthorisingTheTotalThenConfirmation() {
    given(order, NOW)
        .when(stockReserved(order))
        .expectCommand(
            Topics.PAYMENT_COMMANDS,
            AuthorizePaymentV1.class,
            authorize -> {
              assertThat(authorize.amountMinor()).isEqualTo(16_390);
              assertThat(authorize.cardToken()).isEqualTo("pm_1");
            })
        .expectStatus(AUTHORIZING_PAYMENT)
        .when(authorised(order, "pay_1"))
        .expectNoCommand()
        .expectStatus(CONFIRMED)
        .expectAnnounced("CONFIRMED");
  }

  @Test
  void anAuthorisationOfAnotherAmountConfirmsNothingAndIsVoided() {
    given(authorising(), NOW)
        .when(new PaymentAuthorizedV1(order.id().toString(), "pay_1", 16_389, "EUR"))
        .expectCommands(ReleaseStockV1.class, VoidPaymentV1.class)
        .expectStatus(CANCELLING)
        .expectCancelReason("not the order's total");
  }

  @Test
  void noStockCancelsWithoutAnyPaymentAttempt() {
    given(order, NOW)
        .when(outOfStock(order, new Shortage("LAMP-1", 1, 0)))
        .expectNoCommand()
        .expectStatus(CANCELLED)
        .expectCancelReason("LAMP-1 (1 requested, 0 available)")
        .expectAnnounced("CANCELLED");
  }

  @Test
  void aFailedPaymentReleasesTheStockThenCancels() {
    given(authorising(), NOW)
        .when(paymentFailed(order, Reason.INSUFFICIENT_FUNDS))
        .expectCommands(ReleaseStockV1.class)
        .expectStatus(CANCELLING)
        .when(stockReleased(order))
        .expectStatus(CANCELLED)
        .expectCancelReason("INSUFFICIENT_FUNDS");
  }

  @Test
  void aConfirmedOrderIgnoresEveryReplyButARunOutHold() {
    Order confirmed = Replies.confirm(order, NOW);
    for (Event reply :
        List.<Event>of(
            stockReserved(confirmed),
            outOfStock(confirmed),
            authorised(confirmed, "pay_again"),
            paymentFailed(confirmed, Reason.DECLINED),
            voided(confirmed))) {
      given(confirmed, NOW).when(reply).expectIgnored().expectStatus(CONFIRMED);
    }
  }

  @Test
  void aReplyForAnotherStepChangesNothing() {
    given(order, NOW)
        .when(authorised(order, "pay_1"))
        .expectIgnored()
        .expectStatus(RESERVING_STOCK)
        // A release that overtook the reservation: the reservation's reply decides.
        .when(stockReleased(order))
        .expectIgnored()
        .when(stockReserved(order))
        .expectStatus(AUTHORIZING_PAYMENT)
        .when(stockReserved(order))
        .expectIgnored();
  }

  @Test
  void shippingAPartCommitsItsStockAndCapturesItsShare() {
    given(Replies.confirm(order, NOW), NOW)
        .when(o -> o.ship("vendor-b", Set.of(), "dhl", "TRACK-1", UUID.randomUUID(), NOW))
        .expectCommand(
            Topics.INVENTORY_COMMANDS,
            ShipStockV1.class,
            ship -> assertThat(ship.skus()).containsExactly("MUG-1"))
        .expectCommand(
            Topics.PAYMENT_COMMANDS,
            CapturePaymentV1.class,
            capture -> assertThat(capture.amountMinor()).isEqualTo(3_000))
        .expectStatus(PARTLY_SHIPPED)
        .when(o -> o.ship("vendor-a", Set.of(), "dhl", "TRACK-2", UUID.randomUUID(), NOW))
        .expectCommands(ShipStockV1.class, CapturePaymentV1.class)
        .expectCommand(
            Topics.PAYMENT_COMMANDS,
            CapturePaymentV1.class,
            capture -> assertThat(capture.amountMinor()).as("lamp and shipping").isEqualTo(13_390))
        .expectStatus(SHIPPED);
    assertThatThrownBy(
            () -> order.ship("vendor-a", Set.of(), "dhl", "TRACK-3", UUID.randomUUID(), NOW))
        .isInstanceOf(IllegalOrderTransitionException.class);
  }

  @Test
  void theShopperCancelsAConfirmedOrderItIsCancelledWhenStockAndPaymentAreBothUndone() {
    given(Replies.confirm(order, NOW), NOW)
        .when(o -> o.cancelByShopper(NOW))
        .expectCommands(ReleaseStockV1.class, VoidPaymentV1.class)
        .when(voided(order))
        .expectStatus(CANCELLING)
        .when(stockReleased(order))
        .expectStatus(CANCELLED);
  }

  @Test
  void anAuthorisationArrivingAfterCancellationIsVoided() {
    given(authorising(), NOW)
        .when(o -> o.cancelByShopper(NOW))
        .when(stockReleased(order))
        .when(voided(order))
        .expectStatus(CANCELLED)
        .when(authorised(order, "pay_late"))
        .expectCommand(Topics.PAYMENT_COMMANDS, VoidPaymentV1.class)
        .expectStatus(CANCELLED);
  }

  @Test
  void aHoldThatRunsOutBeforeShipmentCancelsAndVoids() {
    given(Replies.confirm(order, NOW), NOW)
        .when(stockReleased(order))
        .expectCommands(VoidPaymentV1.class)
        .expectStatus(CANCELLING)
        .expectCancelReason("not shipped before the shipping deadline")
        .when(voided(order))
        .expectStatus(CANCELLED);
  }

  @Test
  void aShippedOrderCannotBeCancelledByTheShopper() {
    Replies.confirm(order, NOW);
    order.ship("vendor-a", Set.of(), "dhl", "TRACK-1", UUID.randomUUID(), NOW);

    assertThatThrownBy(() -> order.cancelByShopper(NOW))
        .isInstanceOf(IllegalOrderTransitionException.class)
        .hasMessageContaining("after a parcel has shipped");
  }

  @Test
  void anUnansweredReservationIsAskedForAgainThenReleasedAndCancelled() {
    given(order, NOW)
        .when(o -> assertThat(chase(o, 19, 2)).isEqualTo(Order.Chase.NOT_DUE))
        .expectNoCommand()
        .when(o -> assertThat(chase(o, 20, 2)).isEqualTo(Order.Chase.RESENT))
        .expectCommand(
            Topics.INVENTORY_COMMANDS,
            ReserveStockV1.class,
            reserve -> assertThat(reserve.lines()).hasSize(2))
        // The next resend waits twice as long, counted from when the step began.
        .when(o -> assertThat(chase(o, 39, 2)).isEqualTo(Order.Chase.NOT_DUE))
        .expectNoCommand()
        .when(o -> assertThat(chase(o, 40, 2)).isEqualTo(Order.Chase.RESENT))
        .when(o -> assertThat(chase(o, 80, 2)).isEqualTo(Order.Chase.COMPENSATED))
        .expectCommands(ReleaseStockV1.class)
        .expectStatus(CANCELLING)
        .expectCancelReason("inventory-service did not answer in time")
        .when(stockReleased(order))
        .expectStatus(CANCELLED);
  }

  @Test
  void anUnansweredAuthorisationReleasesTheStockAndVoidsWhateverWasAuthorised() {
    given(authorising(), NOW)
        .when(o -> assertThat(chase(o, 20, 1)).isEqualTo(Order.Chase.RESENT))
        .expectCommand(
            Topics.PAYMENT_COMMANDS,
            AuthorizePaymentV1.class,
            authorize -> assertThat(authorize.amountMinor()).isEqualTo(16_390))
        .when(o -> assertThat(chase(o, 40, 1)).isEqualTo(Order.Chase.COMPENSATED))
        .expectCommands(ReleaseStockV1.class, VoidPaymentV1.class)
        .expectCancelReason("payment-service did not answer in time")
        // A late authorisation is voided like any that arrives after cancellation.
        .when(authorised(order, "pay_late"))
        .expectCommands(VoidPaymentV1.class)
        .expectStatus(CANCELLING);
  }

  @Test
  void aCancellationNobodyConfirmsEndsCancelledWithItsCompensationsStillOnTheirWay() {
    given(authorising(), NOW)
        .when(paymentFailed(order, Reason.DECLINED))
        .when(o -> assertThat(chase(o, 20, 1)).isEqualTo(Order.Chase.RESENT))
        .expectCommand(
            Topics.INVENTORY_COMMANDS,
            ReleaseStockV1.class,
            release -> assertThat(release.reason()).isEqualTo("payment failed: DECLINED"))
        .when(o -> assertThat(chase(o, 40, 1)).isEqualTo(Order.Chase.COMPENSATED))
        .expectStatus(CANCELLED)
        .expectCancelReason("did not answer in time")
        .expectAnnounced("CANCELLED")
        .when(stockReleased(order))
        .expectIgnored()
        .expectStatus(CANCELLED);
  }

  @Test
  void aDeadLetteredReservationCompensatesAtOnceButOnlyForTheParticipantAwaited() {
    given(order, NOW)
        .when(
            o ->
                assertThat(o.stepDeadLettered(Participant.PAYMENT, "its AuthorizePaymentV1", NOW))
                    .isFalse())
        .expectStatus(RESERVING_STOCK)
        .expectNoCommand()
        .when(
            o ->
                assertThat(o.stepDeadLettered(Participant.INVENTORY, "its ReserveStockV1", NOW))
                    .isTrue())
        .expectStatus(CANCELLING)
        .expectCancelReason("its ReserveStockV1 was dead-lettered")
        .expectCommands(ReleaseStockV1.class);
  }

  @Test
  void aConfirmedOrderHasNoDeadline() {
    given(Replies.confirm(order, NOW), NOW)
        .when(o -> assertThat(chase(o, 3600, 0)).isEqualTo(Order.Chase.NOT_DUE))
        .expectNoCommand();
  }

  @Test
  void theStatesWithADeadlineAreTheOnesTheInSagaIndexCovers() {
    // V2 and V5 index customer_order WHERE status IN these three; SagaDeadlines and the
    // max-in-saga bound query them by name.
    assertThat(Arrays.stream(OrderStatus.values()).filter(OrderSaga.DEFINITION::waits).toList())
        .containsExactly(RESERVING_STOCK, AUTHORIZING_PAYMENT, CANCELLING);
  }

  private Order authorising() {
    order.reply(stockReserved(order), NOW);
    return order;
  }

  private static Order.Chase chase(Order order, int secondsAfterStart, int maxResends) {
    return order.chaseOverdueReply(NOW.plusSeconds(secondsAfterStart), TIMEOUT, maxResends);
  }
}
