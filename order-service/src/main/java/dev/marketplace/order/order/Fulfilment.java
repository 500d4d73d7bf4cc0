package dev.marketplace.order.order;

import dev.marketplace.order.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An order's lines, vendor parts and parcels read together: which lines a vendor may ship or
 * cancel, where each part and the whole order stand, and what a part comes to. It only reads; the
 * order changes them and records what the change causes.
 */
final class Fulfilment {

  private final UUID orderId;
  private final List<OrderLine> lines;
  private final List<VendorPart> parts;
  private final List<Shipment> shipments;
  private final String currency;

  Fulfilment(
      UUID orderId,
      List<OrderLine> lines,
      List<VendorPart> parts,
      List<Shipment> shipments,
      String currency) {
    this.orderId = orderId;
    this.lines = lines;
    this.parts = parts;
    this.shipments = shipments;
    this.currency = currency;
  }

  /**
   * The indexes of the vendor's lines awaiting shipment that {@code skus} names (all of them, for
   * none named).
   *
   * @throws OrderRuleException when a SKU is not one of them, or none awaits
   */
  List<Integer> awaitingLines(String vendorId, Set<String> skus, String action) {
    partIndex(vendorId);
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = lines.get(i);
      if (line.vendorId().equals(vendorId)
          && line.awaitsShipment()
          && (skus.isEmpty() || skus.contains(line.sku()))) {
        chosen.add(i);
      }
    }
    Set<String> found = chosen.stream().map(i -> lines.get(i).sku()).collect(Collectors.toSet());
    List<String> missing = skus.stream().filter(sku -> !found.contains(sku)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new OrderRuleException(
          "skus",
          "cannot "
              + action
              + " "
              + String.join(", ", missing)
              + ": not a line of this vendor's part awaiting shipment");
    }
    if (chosen.isEmpty()) {
      throw new OrderRuleException("skus", "no line of this vendor's part awaits shipment");
    }
    return chosen;
  }

  List<String> skusOf(List<Integer> indexes) {
    return indexes.stream().map(i -> lines.get(i).sku()).toList();
  }

  /** The vendor's part as its lines and parcels now make it. */
  VendorPart partNow(String vendorId) {
    VendorPart part = parts.get(partIndex(vendorId));
    boolean awaiting = own(vendorId).anyMatch(OrderLine::awaitsShipment);
    boolean shipped = own(vendorId).anyMatch(l -> l.status() == OrderLine.Status.SHIPPED);
    List<Shipment> parcels = shipments.stream().filter(s -> s.vendorId().equals(vendorId)).toList();
    VendorPart.Status status;
    if (!shipped) {
      status = awaiting ? VendorPart.Status.AWAITING_SHIPMENT : VendorPart.Status.CANCELLED;
    } else if (awaiting) {
      status = VendorPart.Status.PARTLY_SHIPPED;
    } else {
      status =
          parcels.stream().allMatch(Shipment::delivered)
              ? VendorPart.Status.DELIVERED
              : VendorPart.Status.SHIPPED;
    }
    return part.now(status, parcels.isEmpty() ? null : parcels.getFirst());
  }

  /** Whether the vendor's part settled (no line awaits) with something shipped, uncaptured yet. */
  boolean dueForCapture(VendorPart part) {
    return !part.captured()
        && own(part.vendorId()).noneMatch(OrderLine::awaitsShipment)
        && own(part.vendorId()).anyMatch(l -> l.status() == OrderLine.Status.SHIPPED);
  }

  /** What the vendor's capture asks for: its shipped lines and its shipping. */
  Money shippedShare(String vendorId) {
    return own(vendorId)
        .filter(l -> l.status() == OrderLine.Status.SHIPPED)
        .map(OrderLine::total)
        .reduce(Money.zero(currency), Money::plus)
        .plus(vendorShipping(vendorId));
  }

  /** What the parts captured so far ask for together. */
  Money captured() {
    return parts.stream()
        .filter(VendorPart::captured)
        .map(p -> shippedShare(p.vendorId()))
        .reduce(Money.zero(currency), Money::plus);
  }

  boolean anyAwaiting() {
    return lines.stream().anyMatch(OrderLine::awaitsShipment);
  }

  boolean anyShipped() {
    return lines.stream().anyMatch(l -> l.status() == OrderLine.Status.SHIPPED);
  }

  boolean allDelivered() {
    return shipments.stream().allMatch(Shipment::delivered);
  }

  Optional<OrderLine> line(String vendorId, String sku) {
    return own(vendorId).filter(l -> l.sku().equals(sku)).findFirst();
  }

  /** When the parcel holding the vendor's line of this SKU was delivered, if it was. */
  Optional<Instant> deliveredAt(String vendorId, String sku) {
    return line(vendorId, sku)
        .map(OrderLine::shipmentId)
        .flatMap(
            shipment ->
                shipments.stream()
                    .filter(s -> s.id().equals(shipment) && s.delivered())
                    .findFirst())
        .map(Shipment::updatedAt);
  }

  Money vendorItems(String vendorId) {
    return own(vendorId)
        .map(OrderLine::total)
        .reduce(Money::plus)
        .orElseThrow(() -> new IllegalArgumentException("no lines of vendor " + vendorId));
  }

  Money vendorShipping(String vendorId) {
    return new Money(parts.get(partIndex(vendorId)).shippingMinor(), currency);
  }

  int partIndex(String vendorId) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).vendorId().equals(vendorId)) {
        return i;
      }
    }
    throw new IllegalArgumentException("vendor " + vendorId + " has no part in order " + orderId);
  }

  int shipmentIndex(UUID shipmentId) {
    for (int i = 0; i < shipments.size(); i++) {
      if (shipments.get(i).id().equals(shipmentId)) {
        return i;
      }
    }
    throw new OrderRuleException("shipment", "order " + orderId + " has no shipment " + shipmentId);
  }

  private java.util.stream.Stream<OrderLine> own(String vendorId) {
    return lines.stream().filter(l -> l.vendorId().equals(vendorId));
  }
}
