package dev.marketplace.payment.payment;

import dev.marketplace.payment.ledger.LedgerAccount;
import dev.marketplace.payment.ledger.LedgerEntry;
import dev.marketplace.payment.ledger.LedgerTransaction;
import dev.marketplace.payment.ledger.LedgerTransactionKind;
import dev.marketplace.payment.ledger.Side;
import dev.marketplace.payment.money.Money;
import dev.marketplace.payment.money.MoneyView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A payment as staff see it: its amounts, each vendor's part, the history of its steps and the
 * ledger transactions they posted. Amounts are absent for a payment voided before authorisation.
 */
public record PaymentAdminView(
    UUID paymentId,
    String orderId,
    PaymentState state,
    @Nullable String customerId,
    @Nullable MoneyView amount,
    @Nullable MoneyView held,
    @Nullable MoneyView captured,
    @Nullable MoneyView refunded,
    @Nullable MoneyView released,
    @Nullable Failure failure,
    List<Part> vendorParts,
    List<Step> history,
    List<Posting> ledger,
    Instant createdAt,
    Instant updatedAt) {

  /** Why the authorisation failed. */
  public record Failure(FailureReason reason, @Nullable String message) {}

  /** A vendor's captured part, what of it was refunded (in all) and each refund. */
  public record Part(
      String vendorId,
      MoneyView captured,
      Instant capturedAt,
      MoneyView refunded,
      @Nullable Instant refundedAt,
      List<Refund> refunds) {}

  /** One refund of a part: its id (a return's; none for a refund of the whole part). */
  public record Refund(@Nullable String refundId, MoneyView amount, Instant refundedAt) {}

  /** One step of the payment's life. */
  public record Step(
      int sequence,
      Instant at,
      HistoryKind kind,
      @Nullable String vendorId,
      @Nullable MoneyView amount,
      @Nullable String detail) {}

  /** One ledger transaction with its balanced entries. */
  public record Posting(
      UUID transactionId,
      LedgerTransactionKind kind,
      String reference,
      Instant postedAt,
      List<Entry> entries) {}

  /** One ledger line. */
  public record Entry(
      LedgerAccount account, @Nullable String vendorId, Side side, MoneyView amount) {}

  static PaymentAdminView of(Payment payment, List<LedgerTransaction> ledger) {
    boolean hasAmount = payment.hasAmount();
    FailureReason reason = payment.failureReason();
    return new PaymentAdminView(
        payment.id(),
        payment.orderId(),
        payment.state(),
        payment.customerId(),
        hasAmount ? MoneyView.of(payment.amount()) : null,
        money(payment, hasAmount, Payment::uncaptured),
        money(payment, hasAmount, Payment::captured),
        money(payment, hasAmount, Payment::refunded),
        money(payment, hasAmount, Payment::released),
        reason == null ? null : new Failure(reason, payment.failureMessage()),
        payment.parts().stream()
            .map(
                part ->
                    new Part(
                        part.vendorId(),
                        MoneyView.of(part.captured()),
                        part.capturedAt(),
                        MoneyView.of(part.refundedAmount()),
                        part.refundedAt(),
                        payment.refunds().stream()
                            .filter(r -> r.vendorId().equals(part.vendorId()))
                            .map(
                                r ->
                                    new Refund(
                                        r.refundId(), MoneyView.of(r.amount()), r.refundedAt()))
                            .toList()))
            .toList(),
        payment.history().stream()
            .map(
                step -> {
                  Money amount = step.amount();
                  return new Step(
                      step.sequence(),
                      step.at(),
                      step.kind(),
                      step.vendorId(),
                      amount == null ? null : MoneyView.of(amount),
                      step.detail());
                })
            .toList(),
        ledger.stream().map(PaymentAdminView::posting).toList(),
        payment.createdAt(),
        payment.updatedAt());
  }

  private static @Nullable MoneyView money(
      Payment payment, boolean hasAmount, Function<Payment, Money> amount) {
    return hasAmount ? MoneyView.of(amount.apply(payment)) : null;
  }

  private static Posting posting(LedgerTransaction transaction) {
    return new Posting(
        transaction.id(),
        transaction.kind(),
        transaction.reference(),
        transaction.postedAt(),
        transaction.entries().stream().map(PaymentAdminView::entry).toList());
  }

  private static Entry entry(LedgerEntry entry) {
    return new Entry(
        entry.account(),
        entry.vendorId(),
        entry.side(),
        MoneyView.of(Money.of(entry.amountMinor(), entry.currency())));
  }
}
