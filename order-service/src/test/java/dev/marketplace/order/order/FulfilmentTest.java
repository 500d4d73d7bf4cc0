package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.events.Event;
import dev.marketplace.events.Outgoing;
import dev.marketplace.events.inventory.ReleaseStockLinesV1;
import dev.marketplace.events.inventory.ShipStockV1;
import dev.marketplace.events.order.OrderStatusChangedV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.order.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fulfilment as vendors and carriers tell it: partial shipments, lines a vendor cannot fulfil,
 * parcels in transit, delivered or failed, and what is captured and voided as parts settle.
 */
class FulfilmentTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Money LAMP = new Money(12_900, "EUR");
  private static final Money SHADE = new Money(2_500, "EUR");
  private static final Money MUG = new Money(1_500, "EUR");

  /** vendor-a: a lamp and a shade (shipping 490); vendor-b: two mugs (free shipping). */
  private final Order order = confirmed();

  @Test
  void aVendorShipsSomeLinesThenTheRestAndItsPartIsCapturedOnceSettled() {
    UUID first = UUID.randomUUID();
    order.ship("vendor-a", Set.of("LAMP-1"), "dhl", "T-1", first, NOW);

    List<Event> sent = payloads();
    assertThat(only(sent, ShipStockV1.class))
        .isEqualTo(
            new ShipStockV1(
                order.id().toString(), "vendor-a", first.toString(), List.of("LAMP-1")));
    assertThat(sent)
        .as("the part is not settled yet")
        .noneMatch(CapturePaymentV1.class::isInstance);
    assertThat(order.status()).isEqualTo(OrderStatus.PARTLY_SHIPPED);
    assertThat(part("vendor-a").status()).isEqualTo(VendorPart.Status.PARTLY_SHIPPED);
    assertThat(statuses(sent)).containsExactly("PARTLY_SHIPPED");

    order.ship("vendor-a", Set.of(), "dhl", "T-2", UUID.randomUUID(), NOW);
    assertThat(only(payloads(), CapturePaymentV1.class).amountMinor())
        .as("lamp, shade and the part's shipping")
        .isEqualTo(12_900 + 2_500 + 490);
    assertThat(part("vendor-a").status()).isEqualTo(VendorPart.Status.SHIPPED);
    assertThat(order.shipments()).hasSize(2);
  }

  @Test
  void cancelledLinesReleaseTheirStockAndTheRestOfTheAuthorisationIsVoidedWhenTheOrderSettles() {
    order.cancelLines("vendor-a", Set.of("SHADE-1"), "out of stock after all", NOW);
    List<Event> sent = payloads();
    assertThat(only(sent, ReleaseStockLinesV1.class).skus()).containsExactly("SHADE-1");

    order.ship("vendor-a", Set.of(), "dhl", "T-1", UUID.randomUUID(), NOW);
    assertThat(only(payloads(), CapturePaymentV1.class).amountMinor())
        .as("the lamp and shipping, not the cancelled shade")
        .isEqualTo(12_900 + 490);
    order.ship("vendor-b", Set.of(), "ups", "U-1", UUID.randomUUID(), NOW);

    List<Event> last = payloads();
    assertThat(only(last, CapturePaymentV1.class).amountMinor()).isEqualTo(3_000);
    assertThat(last).hasAtLeastOneElementOfType(VoidPaymentV1.class);
    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(order.lines())
        .extracting(OrderLine::status)
        .containsExactly(
            OrderLine.Status.SHIPPED, OrderLine.Status.CANCELLED, OrderLine.Status.SHIPPED);
  }

  @Test
  void aPartWhoseEveryLineIsCancelledIsNeverCapturedNorItsShippingCharged() {
    order.cancelLines("vendor-b", Set.of("MUG-1"), "discontinued", NOW);
    order.ship("vendor-a", Set.of(), "dhl", "T-1", UUID.randomUUID(), NOW);

    List<Event> sent = payloads();
    assertThat(
            sent.stream()
                .filter(CapturePaymentV1.class::isInstance)
                .map(CapturePaymentV1.class::cast))
        .extracting(CapturePaymentV1::vendorId)
        .containsExactly("vendor-a");
    assertThat(part("vendor-b").status()).isEqualTo(VendorPart.Status.CANCELLED);
    assertThat(sent).hasAtLeastOneElementOfType(VoidPaymentV1.class);
  }

  @Test
  void anOrderWhoseEveryLineIsCancelledIsCancelledAndItsPaymentVoided() {
    order.cancelLines("vendor-a", Set.of("LAMP-1", "SHADE-1"), "closing down", NOW);
    order.cancelLines("vendor-b", Set.of("MUG-1"), "closing down", NOW);

    List<Event> sent = payloads();
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
    assertThat(sent).hasAtLeastOneElementOfType(VoidPaymentV1.class);
    assertThat(sent).noneMatch(CapturePaymentV1.class::isInstance);
    order.reply(Replies.voided(order), NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void parcelsAreTrackedUntilEveryOneIsDelivered() {
    UUID lamps = UUID.randomUUID();
    UUID mugs = UUID.randomUUID();
    order.ship("vendor-a", Set.of(), "dhl", "T-1", lamps, NOW);
    order.ship("vendor-b", Set.of(), "ups", "U-1", mugs, NOW);
    payloads();

    assertThat(order.track(lamps, Shipment.Status.IN_TRANSIT, null, NOW)).isTrue();
    assertThat(order.track(lamps, Shipment.Status.IN_TRANSIT, null, NOW))
        .as("the same news again")
        .isFalse();
    assertThat(order.track(lamps, Shipment.Status.DELIVERED, "left with a neighbour", NOW))
        .isTrue();
    assertThat(part("vendor-a").status()).isEqualTo(VendorPart.Status.DELIVERED);
    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(order.track(lamps, Shipment.Status.DELIVERY_FAILED, null, NOW))
        .as("a delivered parcel stays delivered")
        .isFalse();

    order.track(mugs, Shipment.Status.DELIVERY_FAILED, "nobody home", NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    order.track(mugs, Shipment.Status.DELIVERED, null, NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(statuses(payloads())).containsExactly("DELIVERED");
    assertThat(order.timeline().getLast().detail()).isNull();
    assertThat(order.timeline())
        .anyMatch(e -> "parcel U-1 (ups): delivery failed: nobody home".equals(e.detail()));
  }

  @Test
  void aHoldThatRunsOutAfterAPartialShipmentCancelsOnlyWhatDidNotShip() {
    order.ship("vendor-a", Set.of("LAMP-1"), "dhl", "T-1", UUID.randomUUID(), NOW);
    payloads();

    order.reply(Replies.stockReleased(order), NOW);

    List<Event> sent = payloads();
    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(
            sent.stream()
                .filter(CapturePaymentV1.class::isInstance)
                .map(CapturePaymentV1.class::cast))
        .extracting(CapturePaymentV1::vendorId, CapturePaymentV1::amountMinor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("vendor-a", 12_900L + 490));
    assertThat(sent).hasAtLeastOneElementOfType(VoidPaymentV1.class);
    assertThat(part("vendor-b").status()).isEqualTo(VendorPart.Status.CANCELLED);
  }

  @Test
  void onlyLinesAwaitingShipmentOfTheVendorsOwnPartCanBeShippedOrCancelled() {
    order.ship("vendor-a", Set.of("LAMP-1"), "dhl", "T-1", UUID.randomUUID(), NOW);

    assertThatThrownBy(
            () -> order.ship("vendor-a", Set.of("LAMP-1"), "dhl", "T-2", UUID.randomUUID(), NOW))
        .isInstanceOf(OrderRuleException.class)
        .hasMessageContaining("LAMP-1");
    assertThatThrownBy(() -> order.cancelLines("vendor-a", Set.of("MUG-1"), "no", NOW))
        .isInstanceOf(OrderRuleException.class)
        .hasMessageContaining("MUG-1");
    assertThatThrownBy(() -> order.track(UUID.randomUUID(), Shipment.Status.DELIVERED, null, NOW))
        .isInstanceOf(OrderRuleException.class);
    assertThatThrownBy(() -> order.cancelByShopper(NOW))
        .isInstanceOf(IllegalOrderTransitionException.class);
  }

  private static Order confirmed() {
    Order order =
        Order.place(
            UUID.randomUUID(),
            "customer-1",
            List.of(
                new OrderLine("LAMP-1", "vendor-a", "Brass lamp", 1, LAMP),
                new OrderLine("SHADE-1", "vendor-a", "Linen shade", 1, SHADE),
                new OrderLine("MUG-1", "vendor-b", "Mug", 2, MUG)),
            Map.of("vendor-a", new Money(490, "EUR"), "vendor-b", Money.zero("EUR")),
            "pm_1",
            NOW,
            NOW.plusSeconds(7 * 86_400));
    Replies.confirm(order, NOW);
    order.takeRecorded();
    return order;
  }

  private VendorPart part(String vendorId) {
    return order.parts().stream()
        .filter(p -> p.vendorId().equals(vendorId))
        .findFirst()
        .orElseThrow();
  }

  private List<Event> payloads() {
    return order.takeRecorded().stream().map(Outgoing::payload).toList();
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
