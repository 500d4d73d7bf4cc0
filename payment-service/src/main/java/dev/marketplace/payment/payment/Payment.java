package dev.marketplace.payment.payment;

import dev.marketplace.events.Recorded;
import dev.marketplace.payment.money.Money;
import dev.marketplace.payment.provider.IdempotencyKey;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The payment of one order: an authorised amount, the vendors' captured parts, what was released
 * and refunded. Every change goes through a method here that checks the state, refuses an illegal
 * step, appends to the history and records the money movement for the ledger.
 *
 * <p>A payment can also exist without ever being authorised: a void that arrives for an unknown
 * order leaves a voided payment behind, so an authorisation arriving later (messages can overtake
 * each other) is refused instead of holding money for a cancelled order.
 */
@Entity
@Table(name = "payment")
public class Payment {

  @Id private UUID id;

  @Column(name = "order_id")
  private String orderId;

  @Column(name = "customer_id")
  private @Nullable String customerId;

  @Column(name = "card_token")
  private @Nullable String cardToken;

  @Column(name = "amount_minor")
  private @Nullable Long amountMinor;

  private @Nullable String currency;

  @Enumerated(EnumType.STRING)
  private PaymentState state;

  /** Stored before the provider is called, so every retry and redelivery reuses it. */
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "provider_authorization_id")
  private @Nullable String providerAuthorizationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "failure_reason")
  private @Nullable FailureReason failureReason;

  @Column(name = "failure_message")
  private @Nullable String failureMessage;

  @Column(name = "released_minor")
  private long releasedMinor;

  @Version private @Nullable Long version;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "payment_id", nullable = false)
  @OrderBy("capturedAt, vendorId")
  private List<VendorPart> parts = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "payment_id", nullable = false)
  @OrderBy("refundedAt, refundKey")
  private Set<PartRefund> refunds = new LinkedHashSet<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "payment_id", nullable = false)
  @OrderBy("sequence")
  private List<PaymentHistoryEntry> history = new ArrayList<>();

  /** The money movements of the transitions since loading, for the ledger; never stored. */
  @Transient private final Recorded<PaymentEvent> recorded = new Recorded<>();

  protected Payment() {}

  private Payment(String orderId, PaymentState state, Instant now) {
    this.id = UUID.randomUUID();
    this.orderId = orderId;
    this.state = state;
    this.idempotencyKey = IdempotencyKey.authorization(orderId).value();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A payment about to be authorised: recorded first, with the key the provider will see. */
  public static Payment start(
      String orderId, String customerId, String cardToken, Money amount, Instant now) {
    if (amount.isZero()) {
      throw new IllegalPaymentOperationException("an authorisation needs an amount above zero");
    }
    Payment payment = new Payment(orderId, PaymentState.AUTHORIZING, now);
    payment.customerId = customerId;
    payment.cardToken = cardToken;
    payment.amountMinor = amount.minor();
    payment.currency = amount.currencyCode();
    payment.append(now, HistoryKind.AUTHORIZATION_REQUESTED, null, amount, null);
    return payment;
  }

  /** The order was cancelled before any authorisation reached us: nothing is ever to be held. */
  public static Payment voidedBeforeAuthorization(String orderId, String reason, Instant now) {
    Payment payment = new Payment(orderId, PaymentState.VOIDED, now);
    payment.append(now, HistoryKind.VOIDED, null, null, "before authorisation: " + reason);
    return payment;
  }

  public void authorized(String providerAuthorizationId, Instant now) {
    require(PaymentState.AUTHORIZING, "record an authorisation");
    this.providerAuthorizationId = providerAuthorizationId;
    this.state = PaymentState.AUTHORIZED;
    Money amount = amount();
    append(now, HistoryKind.AUTHORIZED, null, amount, null);
    recorded.add(new PaymentEvent.Authorized(amount));
  }

  public void failed(FailureReason reason, String message, Instant now) {
    require(PaymentState.AUTHORIZING, "record a failed authorisation");
    this.state = PaymentState.FAILED;
    this.failureReason = reason;
    this.failureMessage = message;
    append(now, HistoryKind.AUTHORIZATION_FAILED, null, null, reason + ": " + message);
  }

  /**
   * Checks, before the provider is asked, that this vendor's part may be captured.
   *
   * @throws IllegalPaymentOperationException if it may not
   */
  public void checkCapture(String vendorId, Money amount) {
    require(PaymentState.AUTHORIZED, "capture");
    checkCapturable(vendorId, amount);
  }

  /**
   * Records a capture the provider made. It is accepted after a void too, as long as it fits beside
   * what the void released: the provider handled the capture first, and its void released only the
   * rest.
   */
  public void capture(String vendorId, Money amount, String providerCaptureId, Instant now) {
    if (providerAuthorizationId == null
        || (state != PaymentState.AUTHORIZED && state != PaymentState.VOIDED)) {
      throw new IllegalPaymentOperationException(
          "cannot capture the payment of order " + orderId + " in state " + state);
    }
    checkCapturable(vendorId, amount);
    parts.add(new VendorPart(vendorId, amount, providerCaptureId, now));
    append(now, HistoryKind.CAPTURED, vendorId, amount, null);
    recorded.add(new PaymentEvent.Captured(vendorId, amount));
  }

  /** True while part of the authorisation is still held at the provider. */
  public boolean holdsFunds() {
    return state == PaymentState.AUTHORIZED && !uncaptured().isZero();
  }

  /**
   * Records the void of what was not captured; captured parts stay (and stay refundable).
   *
   * @param released what the provider released: less than we think is uncaptured if a capture
   *     reached the provider before the void and is still being recorded
   */
  public void voidRest(Money released, String reason, Instant now) {
    require(PaymentState.AUTHORIZED, "void");
    checkAmountWithin(released, uncaptured(), "release");
    this.releasedMinor = released.minor();
    this.state = PaymentState.VOIDED;
    append(now, HistoryKind.VOIDED, null, released, reason);
    if (!released.isZero()) {
      recorded.add(new PaymentEvent.Voided(released));
    }
  }

  /**
   * Checks, before the provider is asked, that this refund of the vendor's captured part may be
   * made: the part is captured, this refund ({@code refundKey}) was not made yet, and it fits in
   * what is left of the part after earlier refunds.
   *
   * @throws IllegalPaymentOperationException if it may not
   */
  public void checkRefund(String vendorId, String refundKey, Money amount) {
    VendorPart part =
        part(vendorId)
            .orElseThrow(
                () ->
                    new IllegalPaymentOperationException(
                        "vendor " + vendorId + "'s part of order " + orderId + " is not captured"));
    if (refund(vendorId, refundKey).isPresent()) {
      throw new IllegalPaymentOperationException(
          "refund "
              + refundKey
              + " of vendor "
              + vendorId
              + "'s part of order "
              + orderId
              + " is made already");
    }
    checkAmount(amount, part.refundable(), "refund");
  }

  public void refund(
      String vendorId, String refundKey, Money amount, String providerRefundId, Instant now) {
    checkRefund(vendorId, refundKey, amount);
    part(vendorId).orElseThrow().refund(amount, providerRefundId, now);
    refunds.add(new PartRefund(vendorId, refundKey, amount, providerRefundId, now));
    append(now, HistoryKind.REFUNDED, vendorId, amount, refundKey);
    recorded.add(new PaymentEvent.Refunded(vendorId, refundKey, amount));
  }

  /** The refund of the vendor's part made under this key, if it was. */
  public Optional<PartRefund> refund(String vendorId, String refundKey) {
    return refunds.stream()
        .filter(r -> r.vendorId().equals(vendorId) && r.refundKey().equals(refundKey))
        .findFirst();
  }

  public List<PartRefund> refunds() {
    return List.copyOf(refunds);
  }

  /** The money movements since the last call, oldest first, for the ledger; each is taken once. */
  public List<PaymentEvent> takeRecorded() {
    return recorded.take();
  }

  public Optional<VendorPart> part(String vendorId) {
    return parts.stream().filter(p -> p.vendorId().equals(vendorId)).findFirst();
  }

  /** What is authorised and neither captured nor released. */
  public Money uncaptured() {
    if (providerAuthorizationId == null) {
      return Money.zero(amount().currency());
    }
    return amount().minus(captured()).minus(released());
  }

  public Money captured() {
    return parts.stream()
        .map(VendorPart::captured)
        .reduce(Money.zero(amount().currency()), Money::plus);
  }

  public Money refunded() {
    return parts.stream()
        .map(VendorPart::refundedAmount)
        .reduce(Money.zero(amount().currency()), Money::plus);
  }

  public Money released() {
    return new Money(releasedMinor, amount().currency());
  }

  /**
   * @throws IllegalStateException for a payment voided before authorisation, which has no amount
   */
  public Money amount() {
    if (amountMinor == null || currency == null) {
      throw new IllegalStateException("payment of order " + orderId + " has no amount");
    }
    return Money.of(amountMinor, currency);
  }

  public boolean hasAmount() {
    return amountMinor != null && currency != null;
  }

  public UUID id() {
    return id;
  }

  public String orderId() {
    return orderId;
  }

  public @Nullable String customerId() {
    return customerId;
  }

  public @Nullable String cardToken() {
    return cardToken;
  }

  public PaymentState state() {
    return state;
  }

  public IdempotencyKey idempotencyKey() {
    return new IdempotencyKey(idempotencyKey);
  }

  public @Nullable String providerAuthorizationId() {
    return providerAuthorizationId;
  }

  public @Nullable FailureReason failureReason() {
    return failureReason;
  }

  public @Nullable String failureMessage() {
    return failureMessage;
  }

  public List<VendorPart> parts() {
    return List.copyOf(parts);
  }

  public List<PaymentHistoryEntry> history() {
    return List.copyOf(history);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  private void require(PaymentState expected, String action) {
    if (state != expected) {
      throw new IllegalPaymentOperationException(
          "cannot " + action + " the payment of order " + orderId + " in state " + state);
    }
  }

  private void checkCapturable(String vendorId, Money amount) {
    if (part(vendorId).isPresent()) {
      throw new IllegalPaymentOperationException(
          "vendor " + vendorId + "'s part of order " + orderId + " is already captured");
    }
    checkAmount(amount, uncaptured(), "capture");
  }

  private void checkAmount(Money amount, Money limit, String action) {
    if (amount.isZero()) {
      throw new IllegalPaymentOperationException("cannot " + action + " nothing");
    }
    checkAmountWithin(amount, limit, action);
  }

  private void checkAmountWithin(Money amount, Money limit, String action) {
    if (!amount.currency().equals(limit.currency())) {
      throw new IllegalPaymentOperationException(
          "cannot "
              + action
              + " "
              + amount.currencyCode()
              + " on a "
              + limit.currencyCode()
              + " payment (order "
              + orderId
              + ")");
    }
    if (amount.exceeds(limit)) {
      throw new IllegalPaymentOperationException(
          "cannot " + action + " " + amount + " of order " + orderId + ": at most " + limit);
    }
  }

  private void append(
      Instant now,
      HistoryKind kind,
      @Nullable String vendorId,
      @Nullable Money amount,
      @Nullable String detail) {
    history.add(new PaymentHistoryEntry(history.size() + 1, now, kind, vendorId, amount, detail));
    updatedAt = now;
  }

  /**
   * For Spring Data, which tells a new payment (no version yet: persist) from a stored one (merge)
   * by reading this through a JavaBean getter; without one it throws and catches an exception on
   * every save before falling back to the field.
   */
  public @Nullable Long getVersion() {
    return version;
  }
}
