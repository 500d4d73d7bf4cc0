package dev.marketplace.order.order;

import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.CommitStockV1;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.events.inventory.StockReservationFailedV1.Shortage;
import dev.marketplace.events.order.OrderStatusChangedV1;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.order.money.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * An order and its saga state. Every transition checks the current state, ignores replies that no
 * longer apply (duplicates, stale or late ones), and records the commands it causes; the service
 * publishes them through the outbox in the same transaction that saves the order.
 *
 * <p>The saga: reserve stock → authorise payment → CONFIRMED. No stock → CANCELLED, no payment
 * attempt. Payment failed → release stock → CANCELLED. Cancellation before shipment releases the
 * stock and voids the payment; CANCELLED is reached when both have answered.
 */
@Entity
@Table(name = "customer_order")
public class Order implements Persistable<UUID> {

  /** What replaces the card reference of an erased customer's order. */
  static final String ERASED_CARD = "erased";

  @Id private UUID id;

  @Column(name = "customer_id")
  private String customerId;

  @Enumerated(EnumType.STRING)
  private OrderStatus status;

  @Column(name = "cancel_reason")
  private @Nullable String cancelReason;

  @Column(name = "card_token")
  private String cardToken;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amountMinor", column = @Column(name = "total_minor")),
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
  })
  private Money total;

  @Column(name = "payment_id")
  private @Nullable String paymentId;

  /** Cancelling waits for inventory to confirm the release. */
  @Column(name = "awaiting_stock_release")
  private boolean awaitingStockRelease;

  /** Cancelling waits for payment to confirm the void. */
  @Column(name = "awaiting_payment_void")
  private boolean awaitingPaymentVoid;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "position")
  private List<OrderLine> lines = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_part", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "position")
  private List<VendorPart> parts = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_timeline", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "position")
  private List<TimelineEntry> timeline = new ArrayList<>();

  @Column(name = "placed_at")
  private Instant placedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  @Transient private final List<SagaMessage> messages = new ArrayList<>();

  /**
   * Whether this order was never stored, for Spring Data to choose persist over merge: the id is
   * assigned here, not by the database, so it cannot tell by the id, and merging a new order costs
   * a SELECT of the order and its collections before the INSERT.
   */
  @Transient private boolean unsaved;

  protected Order() {}

  /**
   * A new order: it asks inventory to hold every line until {@code holdUntil} (the shipping
   * deadline; a shipped part commits its stock before then). Its total is its lines and each vendor
   * part's {@code shipping}.
   */
  public static Order place(
      UUID id,
      String customerId,
      List<OrderLine> lines,
      Map<String, Money> shipping,
      String cardToken,
      Instant now,
      Instant holdUntil) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    Order order = new Order();
    order.unsaved = true;
    order.id = id;
    order.customerId = customerId;
    order.lines = new ArrayList<>(lines);
    order.cardToken = cardToken;
    order.parts = new ArrayList<>();
    Money total = null;
    for (Map.Entry<String, List<OrderLine>> part : order.linesByVendor().entrySet()) {
      Money items =
          part.getValue().stream().map(OrderLine::total).reduce(Money::plus).orElseThrow();
      Money partShipping = shipping.get(part.getKey());
      if (partShipping == null) {
        throw new IllegalArgumentException("no shipping for vendor " + part.getKey());
      }
      Money partTotal = items.plus(partShipping);
      total = total == null ? partTotal : total.plus(partTotal);
      order.parts.add(VendorPart.awaiting(part.getKey(), partShipping.amountMinor()));
    }
    order.total = total;
    order.placedAt = now;
    order.moveTo(OrderStatus.RESERVING_STOCK, null, now);
    order.send(
        Topics.INVENTORY_COMMANDS,
        new ReserveStockV1(
            id.toString(),
            lines.stream().map(l -> new StockLine(l.sku(), l.vendorId(), l.quantity())).toList(),
            holdUntil));
    return order;
  }

  public void stockReserved(Instant now) {
    if (status != OrderStatus.RESERVING_STOCK) {
      return; // a duplicate, or the order was cancelled meanwhile (its release covers the hold)
    }
    moveTo(OrderStatus.AUTHORIZING_PAYMENT, null, now);
    send(
        Topics.PAYMENT_COMMANDS,
        new AuthorizePaymentV1(
            id.toString(), customerId, cardToken, total.amountMinor(), total.currency()));
  }

  public void stockReservationFailed(List<Shortage> shortages, Instant now) {
    if (status != OrderStatus.RESERVING_STOCK) {
      return;
    }
    String detail =
        "out of stock: "
            + shortages.stream()
                .map(
                    s ->
                        s.sku()
                            + " ("
                            + s.requested()
                            + " requested, "
                            + s.available()
                            + " available)")
                .collect(Collectors.joining(", "));
    cancelled(detail, now);
  }

  public void paymentAuthorized(String paymentId, Instant now) {
    if (status == OrderStatus.AUTHORIZING_PAYMENT) {
      this.paymentId = paymentId;
      moveTo(OrderStatus.CONFIRMED, null, now);
    } else if (status == OrderStatus.CANCELLING || status == OrderStatus.CANCELLED) {
      // Authorised after the order was cancelled: nothing may stay held on the card.
      this.paymentId = paymentId;
      voidPayment("order cancelled before the authorisation arrived", now);
    }
  }

  public void paymentFailed(String reason, Instant now) {
    if (status != OrderStatus.AUTHORIZING_PAYMENT) {
      return;
    }
    startCancelling("payment failed: " + reason, now);
    releaseStock("payment failed", now);
  }

  /**
   * Inventory released the order's stock: because we asked (cancelling), or because the hold ran
   * out (payment too slow, or a part not shipped by the deadline), in which case the order cannot
   * be fulfilled and is cancelled.
   */
  public void stockReleased(Instant now) {
    switch (status) {
      case CANCELLING -> {
        awaitingStockRelease = false;
        finishCancellingIfDone(now);
      }
      case AUTHORIZING_PAYMENT, CONFIRMED -> {
        startCancelling(
            status == OrderStatus.CONFIRMED
                ? "not shipped before the shipping deadline"
                : "stock hold expired before payment completed",
            now);
        voidPayment("stock released", now);
      }
      default -> {
        // RESERVING_STOCK: a release that overtook the reservation; the reservation's reply
        // decides.
      }
    }
  }

  public void paymentVoided(Instant now) {
    if (status == OrderStatus.CANCELLING) {
      awaitingPaymentVoid = false;
      finishCancellingIfDone(now);
    }
  }

  /** The shopper cancels before any part has shipped. */
  public void cancelByShopper(Instant now) {
    if (status.isFinal() || status == OrderStatus.CANCELLING) {
      throw new IllegalOrderTransitionException(this, "cancel");
    }
    if (parts.stream().anyMatch(p -> p.status() == VendorPart.Status.SHIPPED)) {
      throw new IllegalOrderTransitionException(this, "cancel after a part has shipped");
    }
    boolean paymentMayBeHeld = status != OrderStatus.RESERVING_STOCK;
    startCancelling("cancelled by the shopper", now);
    releaseStock("cancelled by the shopper", now);
    if (paymentMayBeHeld) {
      voidPayment("cancelled by the shopper", now);
    }
  }

  /** A vendor ships its part: its stock is committed and its share of the payment captured. */
  public void ship(String vendorId, String trackingNumber, Instant now) {
    int index = partIndex(vendorId);
    VendorPart part = parts.get(index);
    if (status != OrderStatus.CONFIRMED || part.status() != VendorPart.Status.AWAITING_SHIPMENT) {
      throw new IllegalOrderTransitionException(this, "ship");
    }
    parts.set(index, part.shipped(trackingNumber, now));
    Money share = vendorTotal(vendorId);
    send(Topics.INVENTORY_COMMANDS, new CommitStockV1(id.toString(), vendorId));
    send(
        Topics.PAYMENT_COMMANDS,
        new CapturePaymentV1(id.toString(), vendorId, share.amountMinor(), share.currency()));
    timeline.add(new TimelineEntry(status, "shipped by " + vendorId + ": " + trackingNumber, now));
    if (parts.stream().allMatch(p -> p.status() == VendorPart.Status.SHIPPED)) {
      moveTo(OrderStatus.COMPLETED, null, now);
    } else {
      updatedAt = now;
    }
  }

  /** What the vendor's part comes to: its items and its shipping. */
  public Money vendorTotal(String vendorId) {
    return vendorItems(vendorId).plus(vendorShipping(vendorId));
  }

  public Money vendorItems(String vendorId) {
    return lines.stream()
        .filter(l -> l.vendorId().equals(vendorId))
        .map(OrderLine::total)
        .reduce(Money::plus)
        .orElseThrow(() -> new IllegalArgumentException("no lines of vendor " + vendorId));
  }

  public Money vendorShipping(String vendorId) {
    return new Money(parts.get(partIndex(vendorId)).shippingMinor(), total.currency());
  }

  public boolean hasVendor(String vendorId) {
    return parts.stream().anyMatch(p -> p.vendorId().equals(vendorId));
  }

  /** The commands and events caused since the order was loaded; taking them clears the list. */
  public List<SagaMessage> takeMessages() {
    List<SagaMessage> taken = List.copyOf(messages);
    messages.clear();
    return taken;
  }

  private void startCancelling(String reason, Instant now) {
    cancelReason = reason;
    moveTo(OrderStatus.CANCELLING, reason, now);
  }

  private void releaseStock(String reason, Instant now) {
    awaitingStockRelease = true;
    send(Topics.INVENTORY_COMMANDS, new ReleaseStockV1(id.toString(), reason));
    updatedAt = now;
  }

  private void voidPayment(String reason, Instant now) {
    awaitingPaymentVoid = true;
    send(Topics.PAYMENT_COMMANDS, new VoidPaymentV1(id.toString(), reason));
    updatedAt = now;
  }

  private void finishCancellingIfDone(Instant now) {
    if (!awaitingStockRelease && !awaitingPaymentVoid) {
      cancelled(cancelReason, now);
    }
  }

  private void cancelled(@Nullable String reason, Instant now) {
    cancelReason = reason;
    parts.replaceAll(p -> p.status() == VendorPart.Status.SHIPPED ? p : p.cancelled());
    moveTo(OrderStatus.CANCELLED, reason, now);
  }

  private void moveTo(OrderStatus next, @Nullable String detail, Instant now) {
    status = next;
    updatedAt = now;
    timeline.add(new TimelineEntry(next, detail, now));
    announceStatus(now);
  }

  private void announceStatus(Instant now) {
    send(
        Topics.ORDER_EVENTS,
        new OrderStatusChangedV1(
            id.toString(),
            customerId,
            status.name(),
            cancelReason,
            total.amountMinor(),
            total.currency(),
            timeline.size(),
            now));
  }

  private void send(String topic, dev.marketplace.events.Event payload) {
    messages.add(new SagaMessage(topic, payload));
  }

  private int partIndex(String vendorId) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).vendorId().equals(vendorId)) {
        return i;
      }
    }
    throw new IllegalArgumentException("vendor " + vendorId + " has no part in order " + id);
  }

  public UUID id() {
    return id;
  }

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return unsaved;
  }

  @PostPersist
  @PostLoad
  void stored() {
    unsaved = false;
  }

  /**
   * Cuts the order's link to its erased customer: the customer id becomes {@code pseudonym} and the
   * saved card's reference goes; the order itself stays, for accounting. Its status is announced
   * again under the pseudonym, so compaction of the order topic drops the record naming the
   * customer. An order still in its saga will find no card to authorise and is cancelled.
   */
  public void pseudonymise(String pseudonym, Instant now) {
    customerId = pseudonym;
    cardToken = ERASED_CARD;
    updatedAt = now;
    announceStatus(now);
  }

  public String customerId() {
    return customerId;
  }

  public OrderStatus status() {
    return status;
  }

  public @Nullable String cancelReason() {
    return cancelReason;
  }

  public Money total() {
    return total;
  }

  public List<OrderLine> lines() {
    return List.copyOf(lines);
  }

  public List<VendorPart> parts() {
    return List.copyOf(parts);
  }

  public List<TimelineEntry> timeline() {
    return List.copyOf(timeline);
  }

  public Instant placedAt() {
    return placedAt;
  }

  public long version() {
    return version;
  }

  /** Lines by vendor, for a vendor's view of its part. */
  public Map<String, List<OrderLine>> linesByVendor() {
    return lines.stream()
        .collect(
            Collectors.groupingBy(OrderLine::vendorId, LinkedHashMap::new, Collectors.toList()));
  }
}
