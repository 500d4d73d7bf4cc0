package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.events.Event;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.ShipStockV1;
import dev.marketplace.events.inventory.StockReservationFailedV1.Shortage;
import dev.marketplace.events.order.OrderStatusChangedV1;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.order.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The saga as the business tells it: given this reply, expect this command and this status. */
class OrderSagaTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final Money LAMP = new Money(12_900, "EUR");
  private static final Money MUG = new Money(1_500, "EUR");

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
    List<Event> sent = payloads(order);

    assertThat(order.status()).isEqualTo(OrderStatus.RESERVING_STOCK);
    assertThat(order.total()).isEqualTo(new Money(16_390, "EUR")); // 12,900 + 2 × 1,500 + 490
    ReserveStockV1 reserve = only(sent, ReserveStockV1.class);
    assertThat(reserve.lines()).hasSize(2);
    assertThat(reserve.lines().get(1).quantity()).isEqualTo(2);
  }

  @Test
  void reservedStockLeadsToAuthorisingTheTotalThenConfirmation() {
    payloads(order);

    order.stockReserved(NOW);
    AuthorizePaymentV1 authorize = only(payloads(order), AuthorizePaymentV1.class);
    assertThat(authorize.amountMinor()).isEqualTo(16_390);
    assertThat(authorize.cardToken()).isEqualTo("pm_1");

    order.paymentAuthorized("pay_1", NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(statuses(payloads(order))).containsExactly("CONFIRMED");
  }

  @Test
  void noStockCancelsWithoutAnyPaymentAttempt() {
    payloads(order);

    order.stockReservationFailed(List.of(new Shortage("LAMP-1", 1, 0)), NOW);

    List<Event> sent = payloads(order);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.cancelReason()).contains("LAMP-1").contains("0 available");
    assertThat(sent).noneMatch(AuthorizePaymentV1.class::isInstance);
    assertThat(statuses(sent)).containsExactly("CANCELLED");
  }

  @Test
  void aFailedPaymentReleasesTheStockThenCancels() {
    order.stockReserved(NOW);
    payloads(order);

    order.paymentFailed("INSUFFICIENT_FUNDS", NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
    assertThat(only(payloads(order), ReleaseStockV1.class).orderId())
        .isEqualTo(order.id().toString());

    order.stockReleased(NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.cancelReason()).contains("INSUFFICIENT_FUNDS");
  }

  @Test
  void repeatedAndLateRepliesChangeNothing() {
    order.stockReserved(NOW);
    order.paymentAuthorized("pay_1", NOW);
    payloads(order);

    order.stockReserved(NOW);
    order.paymentAuthorized("pay_1", NOW);
    order.paymentFailed("DECLINED", NOW);
    order.stockReservationFailed(List.of(), NOW);

    assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(payloads(order)).isEmpty();
  }

  @Test
  void shippingAPartCommitsItsStockAndCapturesItsShare() {
    order.stockReserved(NOW);
    order.paymentAuthorized("pay_1", NOW);
    payloads(order);

    order.ship("vendor-b", Set.of(), "dhl", "TRACK-1", UUID.randomUUID(), NOW);

    List<Event> sent = payloads(order);
    assertThat(only(sent, ShipStockV1.class).skus()).containsExactly("MUG-1");
    assertThat(only(sent, CapturePaymentV1.class).amountMinor()).isEqualTo(3_000);
    assertThat(order.status()).isEqualTo(OrderStatus.PARTLY_SHIPPED);

    order.ship("vendor-a", Set.of(), "dhl", "TRACK-2", UUID.randomUUID(), NOW);
    // vendor-a's share is its lamp and its shipping.
    List<Event> last = payloads(order);
    assertThat(only(last, CapturePaymentV1.class).amountMinor()).isEqualTo(13_390);
    assertThat(last)
        .as("everything shipped: nothing left to void")
        .noneMatch(VoidPaymentV1.class::isInstance);
    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThatThrownBy(
            () -> order.ship("vendor-a", Set.of(), "dhl", "TRACK-3", UUID.randomUUID(), NOW))
        .isInstanceOf(IllegalOrderTransitionException.class);
  }

  @Test
  void theShopperCancelsAConfirmedOrderItIsCancelledWhenStockAndPaymentAreBothUndone() {
    order.stockReserved(NOW);
    order.paymentAuthorized("pay_1", NOW);
    payloads(order);

    order.cancelByShopper(NOW);
    List<Event> sent = payloads(order);
    assertThat(sent).hasAtLeastOneElementOfType(ReleaseStockV1.class);
    assertThat(sent).hasAtLeastOneElementOfType(VoidPaymentV1.class);

    order.paymentVoided(NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
    order.stockReleased(NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void anAuthorisationArrivingAfterCancellationIsVoided() {
    order.stockReserved(NOW);
    order.cancelByShopper(NOW);
    order.stockReleased(NOW);
    order.paymentVoided(NOW);
    payloads(order);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);

    order.paymentAuthorized("pay_late", NOW);

    assertThat(payloads(order)).hasAtLeastOneElementOfType(VoidPaymentV1.class);
  }

  @Test
  void aHoldThatRunsOutBeforeShipmentCancelsAndVoids() {
    order.stockReserved(NOW);
    order.paymentAuthorized("pay_1", NOW);
    payloads(order);

    order.stockReleased(NOW);

    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
    assertThat(payloads(order)).hasAtLeastOneElementOfType(VoidPaymentV1.class);
    order.paymentVoided(NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void aShippedOrderCannotBeCancelledByTheShopper() {
    order.stockReserved(NOW);
    order.paymentAuthorized("pay_1", NOW);
    order.ship("vendor-a", Set.of(), "dhl", "TRACK-1", UUID.randomUUID(), NOW);

    assertThatThrownBy(() -> order.cancelByShopper(NOW))
        .isInstanceOf(IllegalOrderTransitionException.class);
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Test
  void anUnansweredReservationIsAskedForAgainThenReleasedAndCancelled() {
    payloads(order);

    assertThat(order.chaseOverdueReply(NOW.plusSeconds(19), TIMEOUT, 2))
        .isEqualTo(Order.Chase.NOT_DUE);
    assertThat(order.chaseOverdueReply(NOW.plusSeconds(20), TIMEOUT, 2))
        .isEqualTo(Order.Chase.RESENT);
    assertThat(only(payloads(order), ReserveStockV1.class).lines()).hasSize(2);
    // The next resend waits twice as long, counted from when the step began.
    assertThat(order.chaseOverdueReply(NOW.plusSeconds(39), TIMEOUT, 2))
        .isEqualTo(Order.Chase.NOT_DUE);
    assertThat(order.chaseOverdueReply(NOW.plusSeconds(40), TIMEOUT, 2))
        .isEqualTo(Order.Chase.RESENT);
    payloads(order);

    assertThat(order.chaseOverdueReply(NOW.plusSeconds(80), TIMEOUT, 2))
        .isEqualTo(Order.Chase.COMPENSATED);
    List<Event> sent = payloads(order);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
    assertThat(order.cancelReason()).isEqualTo("inventory-service did not answer in time");
    assertThat(only(sent, ReleaseStockV1.class).orderId()).isEqualTo(order.id().toString());
    assertThat(sent).noneMatch(VoidPaymentV1.class::isInstance);

    order.stockReleased(NOW.plusSeconds(81));
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void anUnansweredAuthorisationReleasesTheStockAndVoidsWhateverWasAuthorised() {
    order.stockReserved(NOW);
    payloads(order);

    assertThat(order.chaseOverdueReply(NOW.plusSeconds(20), TIMEOUT, 1))
        .isEqualTo(Order.Chase.RESENT);
    assertThat(only(payloads(order), AuthorizePaymentV1.class).amountMinor()).isEqualTo(16_390);
    assertThat(order.chaseOverdueReply(NOW.plusSeconds(40), TIMEOUT, 1))
        .isEqualTo(Order.Chase.COMPENSATED);

    List<Event> sent = payloads(order);
    assertThat(order.cancelReason()).isEqualTo("payment-service did not answer in time");
    assertThat(sent).hasAtLeastOneElementOfType(ReleaseStockV1.class);
    assertThat(sent).hasAtLeastOneElementOfType(VoidPaymentV1.class);
    // A late authorisation is voided like any that arrives after cancellation.
    order.paymentAuthorized("pay_late", NOW.plusSeconds(41));
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
  }

  @Test
  void aCancellationNobodyConfirmsEndsCancelledWithItsCompensationsStillOnTheirWay() {
    order.stockReserved(NOW);
    order.paymentFailed("DECLINED", NOW);
    payloads(order);

    assertThat(order.chaseOverdueReply(NOW.plusSeconds(20), TIMEOUT, 1))
        .isEqualTo(Order.Chase.RESENT);
    assertThat(only(payloads(order), ReleaseStockV1.class).reason())
        .isEqualTo("payment failed: DECLINED");
    assertThat(order.chaseOverdueReply(NOW.plusSeconds(40), TIMEOUT, 1))
        .isEqualTo(Order.Chase.COMPENSATED);

    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.cancelReason()).contains("payment failed").contains("did not answer in time");
    assertThat(statuses(payloads(order))).containsExactly("CANCELLED");
    order.stockReleased(NOW.plusSeconds(60));
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void aDeadLetteredReservationCompensatesAtOnceButOnlyForTheParticipantAwaited() {
    payloads(order);

    assertThat(order.stepDeadLettered(Order.Participant.PAYMENT, "its AuthorizePaymentV1", NOW))
        .isFalse();
    assertThat(order.status()).isEqualTo(OrderStatus.RESERVING_STOCK);
    assertThat(order.stepDeadLettered(Order.Participant.INVENTORY, "its ReserveStockV1", NOW))
        .isTrue();

    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
    assertThat(order.cancelReason()).isEqualTo("its ReserveStockV1 was dead-lettered");
    assertThat(payloads(order)).hasAtLeastOneElementOfType(ReleaseStockV1.class);
  }

  @Test
  void aConfirmedOrderHasNoDeadline() {
    order.stockReserved(NOW);
    order.paymentAuthorized("pay_1", NOW);
    payloads(order);

    assertThat(order.chaseOverdueReply(NOW.plusSeconds(3600), TIMEOUT, 0))
        .isEqualTo(Order.Chase.NOT_DUE);
    assertThat(payloads(order)).isEmpty();
  }

  private static List<Event> payloads(Order order) {
    return order.takeMessages().stream().map(SagaMessage::payload).toList();
  }

  private static <T> T only(List<Event> events, Class<T> type) {
    List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(matching).hasSize(1);
    return matching.getFirst();
  }

  private static List<String> statuses(List<Event> events) {
    return events.stream()
        .filter(OrderStatusChangedV1.class::isInstance)
        .map(e -> ((OrderStatusChangedV1) e).status())
        .toList();
  }
}
