package dev.marketplace.order.order;

import dev.marketplace.order.delivery.ShippingAddress;
import dev.marketplace.order.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as its shopper sees it: each vendor part's items, shipping and total, the order's total,
 * where it goes (in a single order's view; lists leave it out) and its timeline.
 */
public record OrderView(
    UUID id,
    String status,
    @Nullable String cancelReason,
    Money itemsTotal,
    Money shippingTotal,
    Money total,
    List<OrderLine> lines,
    List<PartView> parts,
    List<Shipment> shipments,
    @Nullable ShippingAddress deliveryAddress,
    List<TimelineEntry> timeline,
    Instant placedAt) {

  /** One vendor's part: how it ships, and what it comes to. */
  public record PartView(
      String vendorId,
      VendorPart.Status status,
      @Nullable String trackingNumber,
      @Nullable Instant shippedAt,
      Money items,
      Money shipping,
      Money total) {

    static PartView of(Order order, VendorPart part) {
      return new PartView(
          part.vendorId(),
          part.status(),
          part.trackingNumber(),
          part.shippedAt(),
          order.vendorItems(part.vendorId()),
          order.vendorShipping(part.vendorId()),
          order.vendorTotal(part.vendorId()));
    }
  }

  static OrderView of(Order order) {
    return of(order, null);
  }

  static OrderView of(Order order, @Nullable ShippingAddress deliveryAddress) {
    Money shipping =
        order.parts().stream()
            .map(p -> order.vendorShipping(p.vendorId()))
            .reduce(Money::plus)
            .orElseThrow();
    return new OrderView(
        order.id(),
        shopperStatus(order.status()),
        order.cancelReason(),
        order.lines().stream().map(OrderLine::total).reduce(Money::plus).orElseThrow(),
        shipping,
        order.total(),
        order.lines(),
        order.parts().stream().map(p -> PartView.of(order, p)).toList(),
        order.shipments(),
        deliveryAddress,
        order.timeline(),
        order.placedAt());
  }

  /** The shopper sees PENDING for the saga's in-between steps. */
  private static String shopperStatus(OrderStatus status) {
    return switch (status) {
      case RESERVING_STOCK, AUTHORIZING_PAYMENT -> "PENDING";
      default -> status.name();
    };
  }
}
