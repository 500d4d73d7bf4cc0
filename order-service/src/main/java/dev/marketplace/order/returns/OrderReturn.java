package dev.marketplace.order.returns;

import dev.marketplace.events.Event;
import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Recorded;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.RestockV1;
import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.events.payment.RefundPaymentV1;
import dev.marketplace.order.money.Money;
import dev.marketplace.order.order.Order;
import dev.marketplace.order.order.OrderLine;
import dev.marketplace.platform.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A shopper's return of some delivered lines of one vendor's part. The rules for opening one are
 * checked here against the order and the order's earlier returns; afterwards the vendor decides,
 * then records the parcel received, which asks payment for the refund and inventory for the
 * restock, both keyed by the return's id, so each happens once however often they are sent.
 */
@Entity
@Table(name = "order_return")
public class OrderReturn extends AssignedIdEntity<UUID> {

  @Id private UUID id;

  @Column(name = "order_id")
  private UUID orderId;

  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "vendor_id")
  private String vendorId;

  @Enumerated(EnumType.STRING)
  private ReturnStatus status;

  private String reason;

  @Column(name = "decision_reason")
  private @Nullable String decisionReason;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_return_line", joinColumns = @JoinColumn(name = "return_id"))
  @OrderColumn(name = "position")
  private List<ReturnLine> lines = new ArrayList<>();

  private String currency;

  /** What is refunded: the lines, and the part's shipping when the whole part came back. */
  @Column(name = "refund_minor")
  private @Nullable Long refundMinor;

  @Column(name = "shipping_refunded")
  private boolean shippingRefunded;

  /** Where the units go back on hand; none when the vendor wrote them off. */
  @Column(name = "restock_location")
  private @Nullable String restockLocation;

  /** RESTOCKED, WRITTEN_OFF, or why inventory refused the restock. */
  @Column(name = "restock_outcome")
  private @Nullable String restockOutcome;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "decided_at")
  private @Nullable Instant decidedAt;

  @Column(name = "received_at")
  private @Nullable Instant receivedAt;

  @Column(name = "refunded_at")
  private @Nullable Instant refundedAt;

  /** Since when the refund is awaited, and how often it was asked for again. */
  @Column(name = "waiting_since")
  private @Nullable Instant waitingSince;

  @Column(name = "resends")
  private int resends;

  @Version private long version;

  @Transient private final Recorded<Outgoing> recorded = new Recorded<>();

  protected OrderReturn() {}

  /**
   * Opens a return of some of one vendor's lines of the order (a SKU is unique per vendor only):
   * each delivered, within the vendor's return window after its delivery, for at most what is left
   * of it after the order's earlier returns (rejected ones do not count). The vendor's part must be
   * settled (captured), so that there is something to refund.
   *
   * @throws ReturnRuleException naming the line or field that breaks a rule
   */
  public static OrderReturn open(
      UUID id,
      Order order,
      String vendorId,
      Map<String, Integer> quantities,
      String reason,
      Duration window,
      List<OrderReturn> earlier,
      Instant now) {
    if (!order.hasVendor(vendorId)) {
      throw new ReturnRuleException("vendorId", "sold nothing in this order");
    }
    if (quantities.isEmpty()) {
      throw new ReturnRuleException("lines", "name at least one line to return");
    }
    List<ReturnLine> returned = new ArrayList<>();
    for (Map.Entry<String, Integer> requested : quantities.entrySet()) {
      String field = "lines[" + requested.getKey() + "]";
      OrderLine line =
          order
              .line(vendorId, requested.getKey())
              .orElseThrow(
                  () -> new ReturnRuleException(field, "is not a line of this vendor's part"));
      Instant delivered =
          order
              .deliveredAt(vendorId, line.sku())
              .orElseThrow(() -> new ReturnRuleException(field, "has not been delivered"));
      if (now.isAfter(delivered.plus(window))) {
        throw new ReturnRuleException(
            field,
            "was delivered on "
                + delivered
                + ": its return window of "
                + window.toDays()
                + " days has closed");
      }
      int alreadyReturned =
          earlier.stream()
              .filter(r -> r.status.holdsUnits() && r.vendorId.equals(vendorId))
              .mapToInt(r -> r.quantityOf(line.sku()))
              .sum();
      int left = line.quantity() - alreadyReturned;
      int quantity = requested.getValue();
      if (quantity < 1 || quantity > left) {
        throw new ReturnRuleException(
            field,
            left == 0
                ? "is returned already"
                : "can be returned " + left + " at most (" + line.quantity() + " bought)");
      }
      returned.add(new ReturnLine(line.sku(), quantity, line.unitPrice().amountMinor()));
    }
    if (!order.partCaptured(vendorId)) {
      throw new ReturnRuleException(
          "lines", "the vendor is still shipping this part: return its lines once it has shipped");
    }
    OrderReturn opened = new OrderReturn();
    opened.markNew();
    opened.id = id;
    opened.orderId = order.id();
    opened.customerId = order.customerId();
    opened.vendorId = vendorId;
    opened.status = ReturnStatus.REQUESTED;
    opened.reason = reason;
    opened.lines = returned;
    opened.currency = order.total().currency();
    opened.requestedAt = now;
    return opened;
  }

  public void approve(Instant now) {
    require(ReturnSaga.Action.APPROVE, "approve");
    status = ReturnStatus.APPROVED;
    decidedAt = now;
  }

  public void reject(String why, Instant now) {
    require(ReturnSaga.Action.REJECT, "reject");
    status = ReturnStatus.REJECTED;
    decisionReason = why;
    decidedAt = now;
  }

  /**
   * The vendor has the parcel: the refund is asked for (the lines, and the part's shipping when
   * this return brings the whole part back), never beyond what is left of the part's capture after
   * the order's other returns; the units go back on hand at {@code restockAt}, or are written off
   * (none).
   */
  public void receive(
      Order order, List<OrderReturn> others, @Nullable UUID restockAt, Instant now) {
    require(ReturnSaga.Action.RECEIVE, "receive");
    long lineTotal = lines.stream().mapToLong(ReturnLine::totalMinor).sum();
    shippingRefunded = bringsWholePartBack(order, others);
    long wanted = lineTotal + (shippingRefunded ? order.vendorShipping(vendorId).amountMinor() : 0);
    long refundedElsewhere =
        others.stream()
            .filter(r -> r.refundMinor != null && !r.id.equals(id))
            .mapToLong(r -> r.refundMinor)
            .sum();
    long left = order.capturedFor(vendorId).amountMinor() - refundedElsewhere;
    refundMinor = Math.max(0, Math.min(wanted, left));
    status = ReturnStatus.RECEIVED;
    receivedAt = now;
    waitingSince = now;
    resends = 0;
    restockLocation = restockAt == null ? null : restockAt.toString();
    restockOutcome = restockAt == null ? "WRITTEN_OFF" : null;
    askForRefundAndRestock(true);
  }

  /**
   * A reply from payment or inventory, applied as {@link ReturnSaga} says for the current state.
   *
   * @return whether it applied; a duplicate or stale reply changes nothing
   */
  public boolean reply(Event reply, Instant now) {
    return ReturnSaga.DEFINITION.apply(this, reply, now);
  }

  /** Payment refunded it: final. */
  void refunded(Instant now) {
    status = ReturnStatus.REFUNDED;
    refundedAt = now;
    waitingSince = null;
  }

  void restocked() {
    restockOutcome = "RESTOCKED";
  }

  void restockRefused(String why) {
    restockOutcome = "REFUSED: " + why;
  }

  /** Whether the units are to go back on hand and inventory has not answered yet. */
  boolean awaitsRestock() {
    return restockLocation != null && restockOutcome == null;
  }

  /** The refund, and a restock not answered yet, asked for again. */
  void askAgain() {
    askForRefundAndRestock(awaitsRestock());
  }

  /**
   * Whether the refund is overdue: {@code timeout} after the parcel was received, doubled for every
   * resend.
   */
  public boolean refundOverdue(Instant now, Duration timeout) {
    return ReturnSaga.DEFINITION.waits(status)
        && waitingSince != null
        && !waitingSince.plus(timeout.multipliedBy(1L << Math.min(resends, 20))).isAfter(now);
  }

  /**
   * Asks again for an overdue refund (and a restock not answered yet), at most {@code maxResends}
   * times; a refund can only be made, not compensated, so past that the return waits, counted as
   * given up, for a person to look at.
   *
   * @return whether it asked again
   */
  public boolean chaseRefund(Instant now, Duration timeout, int maxResends) {
    if (!refundOverdue(now, timeout) || resends >= maxResends) {
      return false;
    }
    resends++;
    ReturnSaga.DEFINITION.resend(this);
    return true;
  }

  public boolean gaveUp(Instant now, Duration timeout, int maxResends) {
    return refundOverdue(now, timeout) && resends >= maxResends;
  }

  private void askForRefundAndRestock(boolean restock) {
    if (refundMinor != null && refundMinor > 0) {
      recorded.add(
          new Outgoing(
              Topics.PAYMENT_COMMANDS,
              new RefundPaymentV1(
                  orderId.toString(), vendorId, refundMinor, currency, id.toString())));
    } else {
      // Nothing is left to refund of the part: done without a payment.
      status = ReturnStatus.REFUNDED;
      refundedAt = receivedAt;
      waitingSince = null;
    }
    if (restock && restockLocation != null) {
      recorded.add(
          new Outgoing(
              Topics.INVENTORY_COMMANDS,
              new RestockV1(
                  orderId.toString(),
                  id.toString(),
                  vendorId,
                  restockLocation,
                  lines.stream()
                      .map(l -> new StockLine(l.sku(), vendorId, l.quantity()))
                      .toList())));
    }
  }

  /** Whether this return and the vendor's earlier ones bring back every unit that shipped. */
  private boolean bringsWholePartBack(Order order, List<OrderReturn> others) {
    Map<String, Integer> returned =
        others.stream()
            .filter(r -> r.status.holdsUnits() && !r.id.equals(id) && r.vendorId.equals(vendorId))
            .flatMap(r -> r.lines.stream())
            .collect(Collectors.toMap(ReturnLine::sku, ReturnLine::quantity, Integer::sum));
    lines.forEach(l -> returned.merge(l.sku(), l.quantity(), Integer::sum));
    return order.lines().stream()
        .filter(l -> l.vendorId().equals(vendorId) && l.status() == OrderLine.Status.SHIPPED)
        .allMatch(l -> returned.getOrDefault(l.sku(), 0) >= l.quantity());
  }

  private int quantityOf(String sku) {
    return lines.stream().filter(l -> l.sku().equals(sku)).mapToInt(ReturnLine::quantity).sum();
  }

  private void require(ReturnSaga.Action allowed, String action) {
    if (!ReturnSaga.DEFINITION.allows(status, allowed)) {
      throw new IllegalReturnTransitionException(this, action);
    }
  }

  /** The commands caused since the return was loaded; taking them clears the record. */
  public List<Outgoing> takeRecorded() {
    return recorded.take();
  }

  public UUID id() {
    return id;
  }

  @Override
  public UUID getId() {
    return id;
  }

  public UUID orderId() {
    return orderId;
  }

  public String customerId() {
    return customerId;
  }

  public String vendorId() {
    return vendorId;
  }

  public ReturnStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public @Nullable String decisionReason() {
    return decisionReason;
  }

  public List<ReturnLine> lines() {
    return List.copyOf(lines);
  }

  public @Nullable Money refund() {
    return refundMinor == null ? null : new Money(refundMinor, currency);
  }

  public boolean shippingRefunded() {
    return shippingRefunded;
  }

  public @Nullable String restockLocation() {
    return restockLocation;
  }

  public @Nullable String restockOutcome() {
    return restockOutcome;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public @Nullable Instant decidedAt() {
    return decidedAt;
  }

  public @Nullable Instant receivedAt() {
    return receivedAt;
  }

  public @Nullable Instant refundedAt() {
    return refundedAt;
  }

  /** Erasure: the return stays for accounting, linked to the pseudonym instead. */
  public void pseudonymise(String pseudonym) {
    customerId = pseudonym;
  }
}
