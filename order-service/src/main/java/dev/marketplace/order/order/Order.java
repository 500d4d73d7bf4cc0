package dev.marketplace.order.order;

import dev.marketplace.events.Event;
import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Recorded;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.ReleaseStockLinesV1;
import dev.marketplace.events.inventory.ReleaseStockV1;
import dev.marketplace.events.inventory.ReserveStockV1;
import dev.marketplace.events.inventory.ShipStockV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.events.inventory.StockReservationFailedV1.Shortage;
import dev.marketplace.events.order.OrderPlacedV1;
import dev.marketplace.events.order.OrderStatusChangedV1;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.order.money.Money;
import dev.marketplace.order.saga.Participant;
import dev.marketplace.platform.persistence.AssignedIdEntity;
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
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An order and its saga state. Every transition checks the current state, ignores replies that no
 * longer apply (duplicates, stale or late ones), and records the commands it causes; the service
 * publishes them through the outbox in the same transaction that saves the order.
 *
 * <p>The saga: reserve stock → authorise payment → CONFIRMED. No stock → CANCELLED, no payment
 * attempt. Payment failed → release stock → CANCELLED. Cancellation before shipment releases the
 * stock and voids the payment; CANCELLED is reached when both have answered.
 *
 * <p>No step waits forever: a step whose reply is overdue has its commands sent again (a bounded
 * number of times, participants handle repeats once), then the order compensates as if the step had
 * failed ({@link #chaseOverdueReply}); a command or reply that was dead-lettered compensates at
 * once ({@link #stepDeadLettered}).
 */
@Entity
@Table(name = "customer_order")
public class Order extends AssignedIdEntity<UUID> {

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
  @CollectionTable(name = "order_shipment", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "position")
  private List<Shipment> shipments = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_timeline", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "position")
  private List<TimelineEntry> timeline = new ArrayList<>();

  /** Until when inventory holds the order's stock (the shipping deadline). */
  @Column(name = "hold_until")
  private Instant holdUntil;

  /** When the current step began waiting for its reply (null when none is awaited). */
  @Column(name = "waiting_since")
  private @Nullable Instant waitingSince;

  /** How often the current step's commands were sent again for want of a reply. */
  @Column(name = "step_resends")
  private int stepResends;

  @Column(name = "placed_at")
  private Instant placedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  @Transient private final Recorded<Outgoing> recorded = new Recorded<>();

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
    order.markNew();
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
    order.holdUntil = holdUntil;
    order.placedAt = now;
    order.announcePlaced();
    order.moveTo(OrderStatus.RESERVING_STOCK, null, now);
    order.reserveStock();
    return order;
  }

  /** What was bought from whom at what price, once, for analytics and accounting. */
  private void announcePlaced() {
    send(
        Topics.ORDER_PLACED,
        new OrderPlacedV1(
            id.toString(),
            placedAt,
            total.currency(),
            total.amountMinor(),
            lines.stream()
                .map(
                    l ->
                        new OrderPlacedV1.Line(
                            l.sku(),
                            l.vendorId(),
                            l.categoryId(),
                            l.productName(),
                            l.quantity(),
                            l.unitPrice().amountMinor()))
                .toList(),
            parts.stream()
                .map(p -> new OrderPlacedV1.Part(p.vendorId(), p.shippingMinor()))
                .toList()));
  }

  void reserveStock() {
    send(
        Topics.INVENTORY_COMMANDS,
        new ReserveStockV1(
            id.toString(),
            lines.stream().map(l -> new StockLine(l.sku(), l.vendorId(), l.quantity())).toList(),
            holdUntil));
  }

  void authorizePayment() {
    send(
        Topics.PAYMENT_COMMANDS,
        new AuthorizePaymentV1(
            id.toString(), customerId, cardToken, total.amountMinor(), total.currency()));
  }

  /**
   * A reply from inventory or payment, applied as {@link OrderSaga} says for the current state.
   *
   * @return whether it applied; a duplicate, stale or late reply changes nothing
   */
  public boolean reply(Event reply, Instant now) {
    return OrderSaga.DEFINITION.apply(this, reply, now);
  }

  /** Whether the saga acts on replies of this type in any state. */
  public static boolean sagaTakes(Class<?> replyType) {
    return OrderSaga.DEFINITION.takes(replyType);
  }

  /** What happened when a step's reply was overdue. */
  public enum Chase {
    /** The step's reply is not overdue (it came, or the step changed meanwhile). */
    NOT_DUE,
    /** The step's commands were sent again. */
    RESENT,
    /** No reply after every resend: the order compensates. */
    COMPENSATED
  }

  /**
   * Whether the current step's reply is overdue: {@code replyTimeout} after the step began, doubled
   * for every resend.
   */
  public boolean replyOverdue(Instant now, Duration replyTimeout) {
    return OrderSaga.DEFINITION.waits(status)
        && waitingSince != null
        && !waitingSince.plus(replyTimeout.multipliedBy(1L << stepResends)).isAfter(now);
  }

  /**
   * The current step's reply is overdue: its commands go again, at most {@code maxResends} times;
   * then the order gives up as {@link OrderSaga} says (participants handle repeats once, and late
   * replies change nothing).
   */
  public Chase chaseOverdueReply(Instant now, Duration replyTimeout, int maxResends) {
    if (!replyOverdue(now, replyTimeout)) {
      return Chase.NOT_DUE;
    }
    if (stepResends < maxResends) {
      stepResends++;
      updatedAt = now;
      OrderSaga.DEFINITION.resend(this);
      return Chase.RESENT;
    }
    OrderSaga.DEFINITION.giveUp(this, awaitedParticipants() + " did not answer in time", now);
    return Chase.COMPENSATED;
  }

  /** The services whose replies the order waits for, e.g. in a problem or timeline. */
  private String awaitedParticipants() {
    return OrderSaga.DEFINITION.awaited(this).stream()
        .map(Participant::service)
        .collect(Collectors.joining(" and "));
  }

  /**
   * A command this order sent, or a reply to it, was dead-lettered: it will never be answered or
   * applied, so the order gives up at once, as for a step that never answered. A dead letter of a
   * step the order is no longer in changes nothing.
   *
   * @return whether the order compensated
   */
  public boolean stepDeadLettered(Participant participant, String what, Instant now) {
    if (!OrderSaga.DEFINITION.awaited(this).contains(participant)) {
      return false;
    }
    OrderSaga.DEFINITION.giveUp(this, what + " was dead-lettered", now);
    return true;
  }

  void authorise(Instant now) {
    moveTo(OrderStatus.AUTHORIZING_PAYMENT, null, now);
    authorizePayment();
  }

  void outOfStock(List<Shortage> shortages, Instant now) {
    cancelled(
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
                .collect(Collectors.joining(", ")),
        now);
  }

  /**
   * Payment held money for the order. Anything but the order's total (a participant's bug, or a
   * forged reply) confirms nothing: what was held is voided and the stock released.
   */
  void confirm(String paymentId, Money authorised, Instant now) {
    this.paymentId = paymentId;
    if (!authorised.equals(total)) {
      String reason =
          "payment authorised "
              + authorised.amountMinor()
              + " "
              + authorised.currency()
              + " minor units, not the order's total of "
              + total.amountMinor();
      cancelReleasingStockAndVoiding(reason, now);
      return;
    }
    moveTo(OrderStatus.CONFIRMED, null, now);
  }

  /** Authorised after the order was cancelled: nothing may stay held on the card. */
  void voidLateAuthorisation(String paymentId, Instant now) {
    this.paymentId = paymentId;
    voidPayment("order cancelled before the authorisation arrived", now);
  }

  void paymentFailed(String reason, Instant now) {
    startCancelling("payment failed: " + reason, now);
    releaseStock("payment failed", now);
  }

  /**
   * Inventory released the stock without being asked: the hold ran out (payment too slow, or
   * nothing shipped by the deadline). The order cannot be fulfilled: it is cancelled.
   */
  void holdRanOut(String reason, Instant now) {
    startCancelling(reason, now);
    voidPayment("stock released", now);
  }

  /**
   * The hold ran out with some lines shipped: the others will not ship (inventory released them
   * already).
   */
  void cancelUnshippedLines(String reason, Instant now) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).awaitsShipment()) {
        lines.set(i, lines.get(i).cancelled());
      }
    }
    timeline.add(new TimelineEntry(status, "unshipped lines cancelled: " + reason, now));
    for (String vendorId : parts.stream().map(VendorPart::vendorId).toList()) {
      partChanged(vendorId);
    }
    progress(now);
  }

  boolean awaitsStockRelease() {
    return awaitingStockRelease;
  }

  boolean awaitsVoid() {
    return awaitingPaymentVoid;
  }

  void stockReleaseConfirmed(Instant now) {
    awaitingStockRelease = false;
    finishCancellingIfDone(now);
  }

  void voidConfirmed(Instant now) {
    awaitingPaymentVoid = false;
    finishCancellingIfDone(now);
  }

  /** The cancellation's compensations, sent again. */
  void resendCompensations() {
    if (awaitingStockRelease) {
      send(Topics.INVENTORY_COMMANDS, new ReleaseStockV1(id.toString(), cancelReason));
    }
    if (awaitingPaymentVoid) {
      send(Topics.PAYMENT_COMMANDS, new VoidPaymentV1(id.toString(), cancelReason));
    }
  }

  /** The reservation never answered: release whatever it may have held. */
  void cancelReleasingStock(String reason, Instant now) {
    startCancelling(reason, now);
    releaseStock(reason, now);
  }

  /** The authorisation never answered: release the stock and void whatever was authorised. */
  void cancelReleasingStockAndVoiding(String reason, Instant now) {
    cancelReleasingStock(reason, now);
    voidPayment(reason, now);
  }

  /**
   * The participants never confirmed the cancellation: it ends anyway. Its release and void stay in
   * the outbox and Kafka until the participants take them, and late confirmations change nothing.
   */
  void cancelledUnconfirmed(String reason, Instant now) {
    awaitingStockRelease = false;
    awaitingPaymentVoid = false;
    cancelled(cancelReason + " (" + reason + "; its release and void are still delivered)", now);
  }

  /** The shopper cancels before anything has shipped. */
  public void cancelByShopper(Instant now) {
    if (!OrderSaga.DEFINITION.allows(status, OrderSaga.Action.CANCEL)) {
      throw new IllegalOrderTransitionException(
          this, shipments.isEmpty() ? "cancel" : "cancel after a parcel has shipped");
    }
    boolean paymentMayBeHeld = status != OrderStatus.RESERVING_STOCK;
    startCancelling("cancelled by the shopper", now);
    releaseStock("cancelled by the shopper", now);
    if (paymentMayBeHeld) {
      voidPayment("cancelled by the shopper", now);
    }
  }

  /**
   * A vendor ships some of its lines awaiting shipment ({@code skus}; empty: all of them), each
   * line whole, in one parcel: their stock is committed. When the vendor's part is settled (no line
   * awaits any more), what shipped is captured with the part's shipping.
   *
   * @throws OrderRuleException when a SKU is not a line of the vendor's awaiting shipment
   */
  public Shipment ship(
      String vendorId,
      Set<String> skus,
      String carrier,
      String trackingNumber,
      UUID shipmentId,
      Instant now) {
    if (!OrderSaga.DEFINITION.allows(status, OrderSaga.Action.SHIP)) {
      throw new IllegalOrderTransitionException(this, "ship");
    }
    Fulfilment fulfilment = fulfilment();
    List<Integer> shipped = fulfilment.awaitingLines(vendorId, skus, "ship");
    shipped.forEach(i -> lines.set(i, lines.get(i).shippedIn(shipmentId)));
    Shipment shipment = Shipment.sent(shipmentId, vendorId, carrier, trackingNumber, now);
    shipments.add(shipment);
    send(
        Topics.INVENTORY_COMMANDS,
        new ShipStockV1(
            id.toString(), vendorId, shipmentId.toString(), fulfilment.skusOf(shipped)));
    timeline.add(
        new TimelineEntry(
            status,
            "shipped by "
                + vendorId
                + ": "
                + String.join(", ", fulfilment.skusOf(shipped))
                + " with "
                + carrier
                + " ("
                + trackingNumber
                + ")",
            now));
    partChanged(vendorId);
    progress(now);
    return shipment;
  }

  /**
   * A vendor cannot fulfil some of its lines awaiting shipment: their stock is released, and what
   * they cost is never captured (the rest of the authorisation is voided once the order settles).
   *
   * @throws OrderRuleException when a SKU is not a line of the vendor's awaiting shipment
   */
  public void cancelLines(String vendorId, Set<String> skus, String reason, Instant now) {
    if (!OrderSaga.DEFINITION.allows(status, OrderSaga.Action.CANCEL_LINES)) {
      throw new IllegalOrderTransitionException(this, "cancel lines of");
    }
    if (skus.isEmpty()) {
      throw new OrderRuleException("skus", "name the lines to cancel");
    }
    Fulfilment fulfilment = fulfilment();
    List<Integer> cancelled = fulfilment.awaitingLines(vendorId, skus, "cancel");
    cancelled.forEach(i -> lines.set(i, lines.get(i).cancelled()));
    send(
        Topics.INVENTORY_COMMANDS,
        new ReleaseStockLinesV1(id.toString(), vendorId, fulfilment.skusOf(cancelled), reason));
    timeline.add(
        new TimelineEntry(
            status,
            "cancelled by "
                + vendorId
                + ": "
                + String.join(", ", fulfilment.skusOf(cancelled))
                + ": "
                + reason,
            now));
    partChanged(vendorId);
    progress(now);
  }

  /**
   * The carrier (or the vendor) reports where a parcel is. A parcel delivered stays delivered, and
   * a report of where it already is changes nothing.
   *
   * @return whether the report changed the shipment
   * @throws OrderRuleException for a report that a parcel was shipped (that is the vendor's call)
   */
  public boolean track(
      UUID shipmentId, Shipment.Status reported, @Nullable String detail, Instant now) {
    if (reported == Shipment.Status.SHIPPED) {
      throw new OrderRuleException("status", "must be IN_TRANSIT, DELIVERED or DELIVERY_FAILED");
    }
    int index = fulfilment().shipmentIndex(shipmentId);
    Shipment shipment = shipments.get(index);
    if (shipment.delivered() || shipment.status() == reported) {
      return false;
    }
    shipments.set(index, shipment.reported(reported, detail, now));
    timeline.add(
        new TimelineEntry(
            status,
            "parcel "
                + shipment.trackingNumber()
                + " ("
                + shipment.carrier()
                + "): "
                + reported.describe()
                + (detail == null ? "" : ": " + detail),
            now));
    partChanged(shipment.vendorId());
    progress(now);
    return true;
  }

  /**
   * Works out the vendor's part from its lines and parcels, and asks for its capture once it is
   * settled with something shipped: the shipped lines and the part's shipping.
   */
  private void partChanged(String vendorId) {
    Fulfilment fulfilment = fulfilment();
    VendorPart part = fulfilment.partNow(vendorId);
    if (fulfilment.dueForCapture(part)) {
      Money share = fulfilment.shippedShare(vendorId);
      send(
          Topics.PAYMENT_COMMANDS,
          new CapturePaymentV1(id.toString(), vendorId, share.amountMinor(), share.currency()));
      part = part.captureRequested();
    }
    parts.set(fulfilment.partIndex(vendorId), part);
  }

  /**
   * Moves the order to where its lines and parcels are. Every line cancelled: the order is
   * cancelled (its lines' stock is released already; the payment is voided). Once no line awaits
   * shipment, what was not captured is voided, so nothing stays held on the card.
   */
  private void progress(Instant now) {
    Fulfilment fulfilment = fulfilment();
    boolean awaiting = fulfilment.anyAwaiting();
    boolean anyShipped = fulfilment.anyShipped();
    if (!awaiting && !anyShipped) {
      startCancelling("every line was cancelled by its vendor", now);
      voidPayment("every line was cancelled by its vendor", now);
      return;
    }
    OrderStatus next;
    if (awaiting) {
      next = anyShipped ? OrderStatus.PARTLY_SHIPPED : OrderStatus.CONFIRMED;
    } else {
      next = fulfilment.allDelivered() ? OrderStatus.DELIVERED : OrderStatus.SHIPPED;
    }
    // Settles: vendors could still ship until now, and no line waits any more.
    boolean settles = OrderSaga.DEFINITION.allows(status, OrderSaga.Action.SHIP) && !awaiting;
    if (next != status) {
      moveTo(next, null, now);
    } else {
      updatedAt = now;
    }
    if (settles && fulfilment.captured().amountMinor() < total.amountMinor()) {
      send(
          Topics.PAYMENT_COMMANDS,
          new VoidPaymentV1(id.toString(), "lines cancelled: the rest is not captured"));
    }
  }

  private Fulfilment fulfilment() {
    return new Fulfilment(id, lines, parts, shipments, total.currency());
  }

  /** The vendor's line of this SKU, if the order has one. */
  public Optional<OrderLine> line(String vendorId, String sku) {
    return fulfilment().line(vendorId, sku);
  }

  /** When the parcel holding the vendor's line of this SKU was delivered, if it was. */
  public Optional<Instant> deliveredAt(String vendorId, String sku) {
    return fulfilment().deliveredAt(vendorId, sku);
  }

  /** Whether the vendor's part was captured (it settled with something shipped). */
  public boolean partCaptured(String vendorId) {
    return parts.get(fulfilment().partIndex(vendorId)).captured();
  }

  /** Notes a step of a return or refund in the order's timeline, as its shopper reads it. */
  public void note(String detail, Instant now) {
    timeline.add(new TimelineEntry(status, detail, now));
    updatedAt = now;
  }

  /** What the vendor's capture asks for: its shipped lines and its shipping. */
  public Money capturedFor(String vendorId) {
    return fulfilment().shippedShare(vendorId);
  }

  /** What the vendor's part comes to: its items and its shipping. */
  public Money vendorTotal(String vendorId) {
    return vendorItems(vendorId).plus(vendorShipping(vendorId));
  }

  public Money vendorItems(String vendorId) {
    return fulfilment().vendorItems(vendorId);
  }

  public Money vendorShipping(String vendorId) {
    return fulfilment().vendorShipping(vendorId);
  }

  public boolean hasVendor(String vendorId) {
    return parts.stream().anyMatch(p -> p.vendorId().equals(vendorId));
  }

  /** The commands and events caused since the order was loaded; taking them clears the record. */
  public List<Outgoing> takeRecorded() {
    return recorded.take();
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
    parts.replaceAll(VendorPart::cancelled);
    moveTo(OrderStatus.CANCELLED, reason, now);
  }

  private void moveTo(OrderStatus next, @Nullable String detail, Instant now) {
    status = next;
    updatedAt = now;
    waitingSince = OrderSaga.DEFINITION.waits(next) ? now : null;
    stepResends = 0;
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

  private void send(String topic, Event payload) {
    recorded.add(new Outgoing(topic, payload));
  }

  public UUID id() {
    return id;
  }

  @Override
  public UUID getId() {
    return id;
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

  public List<Shipment> shipments() {
    return List.copyOf(shipments);
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
