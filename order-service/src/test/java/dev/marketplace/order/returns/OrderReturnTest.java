package dev.marketplace.order.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.events.Event;
import dev.marketplace.events.Outgoing;
import dev.marketplace.events.inventory.RestockV1;
import dev.marketplace.events.inventory.StockRestockedV1;
import dev.marketplace.events.payment.PaymentRefundedV1;
import dev.marketplace.events.payment.RefundPaymentV1;
import dev.marketplace.order.money.Money;
import dev.marketplace.order.order.Order;
import dev.marketplace.order.order.OrderLine;
import dev.marketplace.order.order.Replies;
import dev.marketplace.order.order.Shipment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The return rules and the refund rule, as a shopper and a vendor meet them. */
class OrderReturnTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant DELIVERED = NOW.plus(Duration.ofDays(2));
  private static final Duration WINDOW = Duration.ofDays(30);

  /**
   * vendor-a: 2 lamps at 4,000 and a shade at 1,500, shipping 490; vendor-b: a mug, not shipped.
   */
  private final Order order = delivered();

  private final List<OrderReturn> earlier = new ArrayList<>();

  @Test
  void aShopperReturnsSomeDeliveredUnitsAndTheRefundIsTheirPrice() {
    OrderReturn r = open(Map.of("LAMP-1", 1), DELIVERED.plus(Duration.ofDays(3)));
    r.approve(NOW);

    r.receive(order, earlier, UUID.randomUUID(), NOW);

    List<Event> sent = payloads(r);
    RefundPaymentV1 refund = only(sent, RefundPaymentV1.class);
    assertThat(refund.amountMinor()).isEqualTo(4_000);
    assertThat(refund.refundId()).isEqualTo(r.id().toString());
    assertThat(only(sent, RestockV1.class).lines().getFirst().quantity()).isEqualTo(1);
    assertThat(r.shippingRefunded()).isFalse();
    assertThat(r.status()).isEqualTo(ReturnStatus.RECEIVED);
    PaymentRefundedV1 refunded =
        new PaymentRefundedV1(order.id().toString(), "vendor-a", 4_000, "EUR", r.id().toString());
    assertThat(r.reply(refunded, NOW)).isTrue();
    assertThat(r.status()).isEqualTo(ReturnStatus.REFUNDED);
    assertThat(r.reply(refunded, NOW)).as("a repeated reply").isFalse();
  }

  @Test
  void returningTheWholePartRefundsItsShippingTooButNeverMoreThanWasCaptured() {
    OrderReturn first = open(Map.of("LAMP-1", 1), DELIVERED);
    first.approve(NOW);
    first.receive(order, earlier, null, NOW);
    earlier.add(first);

    OrderReturn rest = open(Map.of("LAMP-1", 1, "SHADE-1", 1), DELIVERED);
    rest.approve(NOW);
    rest.receive(order, earlier, null, NOW);

    assertThat(rest.shippingRefunded()).isTrue();
    assertThat(rest.refund()).isEqualTo(new Money(4_000 + 1_500 + 490, "EUR"));
    assertThat(first.refund().amountMinor() + rest.refund().amountMinor())
        .as("everything captured for the part, not a cent more")
        .isEqualTo(order.capturedFor("vendor-a").amountMinor());
    assertThat(payloads(rest)).noneMatch(RestockV1.class::isInstance);
    assertThat(rest.restockOutcome()).isEqualTo("WRITTEN_OFF");
  }

  @Test
  void undeliveredLinesLinesReturnedAlreadyOrTooManyUnitsOrAClosedWindowAreRefused() {
    earlier.add(open(Map.of("LAMP-1", 2), DELIVERED));

    assertThatThrownBy(() -> open(Map.of("LAMP-1", 1), DELIVERED))
        .isInstanceOf(ReturnRuleException.class)
        .hasMessageContaining("returned already");
    assertThatThrownBy(() -> open(Map.of("SHADE-1", 2), DELIVERED))
        .hasMessageContaining("1 at most");
    assertThatThrownBy(() -> open(Map.of("SHADE-1", 0), DELIVERED))
        .isInstanceOf(ReturnRuleException.class);
    assertThatThrownBy(() -> open(Map.of("SHADE-1", 1), DELIVERED.plus(Duration.ofDays(31))))
        .hasMessageContaining("return window of 30 days has closed");
    assertThatThrownBy(() -> open(Map.of("NOT-SOLD", 1), DELIVERED))
        .hasMessageContaining("not a line");
    assertThatThrownBy(
            () ->
                OrderReturn.open(
                    UUID.randomUUID(),
                    order,
                    "vendor-b",
                    Map.of("MUG-1", 1),
                    "x",
                    WINDOW,
                    earlier,
                    DELIVERED))
        .hasMessageContaining("has not been delivered");
    assertThatThrownBy(
            () ->
                OrderReturn.open(
                    UUID.randomUUID(),
                    order,
                    "vendor-z",
                    Map.of("MUG-1", 1),
                    "x",
                    WINDOW,
                    earlier,
                    DELIVERED))
        .isInstanceOf(ReturnRuleException.class);
  }

  @Test
  void aRejectedReturnFreesItsUnitsAndEachDecisionIsMadeOnce() {
    OrderReturn rejected = open(Map.of("LAMP-1", 2), DELIVERED);
    rejected.reject("the lamps were used", NOW);
    earlier.add(rejected);

    assertThat(open(Map.of("LAMP-1", 2), DELIVERED).lines()).hasSize(1);
    assertThatThrownBy(() -> rejected.approve(NOW))
        .isInstanceOf(IllegalReturnTransitionException.class);
    assertThatThrownBy(() -> rejected.receive(order, earlier, null, NOW))
        .isInstanceOf(IllegalReturnTransitionException.class);
  }

  @Test
  void anUnansweredRefundIsAskedForAgainThenCountedAsStuck() {
    OrderReturn r = open(Map.of("SHADE-1", 1), DELIVERED);
    r.approve(NOW);
    r.receive(order, earlier, UUID.randomUUID(), NOW);
    payloads(r);
    Duration timeout = Duration.ofSeconds(30);

    assertThat(r.chaseRefund(NOW.plusSeconds(29), timeout, 1)).isFalse();
    assertThat(r.chaseRefund(NOW.plusSeconds(30), timeout, 1)).isTrue();
    assertThat(payloads(r))
        .hasAtLeastOneElementOfType(RefundPaymentV1.class)
        .hasAtLeastOneElementOfType(RestockV1.class);
    r.reply(new StockRestockedV1(order.id().toString(), r.id().toString()), NOW);
    assertThat(r.restockOutcome()).isEqualTo("RESTOCKED");
    assertThat(r.chaseRefund(NOW.plusSeconds(120), timeout, 1)).as("resent once at most").isFalse();
    assertThat(r.gaveUp(NOW.plusSeconds(120), timeout, 1)).isTrue();
  }

  private OrderReturn open(Map<String, Integer> lines, Instant at) {
    return OrderReturn.open(
        UUID.randomUUID(), order, "vendor-a", lines, "not as described", WINDOW, earlier, at);
  }

  private static Order delivered() {
    Order order =
        Order.place(
            UUID.randomUUID(),
            "customer-1",
            List.of(
                new OrderLine("LAMP-1", "vendor-a", "Brass lamp", 2, new Money(4_000, "EUR")),
                new OrderLine("SHADE-1", "vendor-a", "Linen shade", 1, new Money(1_500, "EUR")),
                new OrderLine("MUG-1", "vendor-b", "Mug", 1, new Money(900, "EUR"))),
            Map.of("vendor-a", new Money(490, "EUR"), "vendor-b", Money.zero("EUR")),
            "pm_1",
            NOW,
            NOW.plus(Duration.ofDays(7)));
    Replies.confirm(order, NOW);
    UUID parcel = UUID.randomUUID();
    order.ship("vendor-a", Set.of(), "dhl", "T-1", parcel, NOW);
    order.track(parcel, Shipment.Status.DELIVERED, null, DELIVERED);
    order.takeRecorded();
    return order;
  }

  private static List<Event> payloads(OrderReturn r) {
    return r.takeRecorded().stream().map(Outgoing::payload).toList();
  }

  private static <T> T only(List<Event> events, Class<T> type) {
    List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(matching).hasSize(1);
    return matching.getFirst();
  }
}
