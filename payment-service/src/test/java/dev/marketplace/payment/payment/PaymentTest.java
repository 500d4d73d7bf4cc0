package dev.marketplace.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.payment.ledger.LedgerAccount;
import dev.marketplace.payment.ledger.LedgerEntry;
import dev.marketplace.payment.ledger.LedgerTransaction;
import dev.marketplace.payment.ledger.Side;
import dev.marketplace.payment.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payment aggregate's transitions and the ledger postings they cause. */
class PaymentTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final List<LedgerTransaction> LEDGER = new ArrayList<>();

  @Test
  void anAuthorisationIsRequestedThenAuthorised() {
    Payment payment = started(10_000);
    assertThat(payment.state()).isEqualTo(PaymentState.AUTHORIZING);
    assertThat(payment.idempotencyKey().value()).isEqualTo("authorize:order-1");
    assertThat(payment.takeRecorded()).isEmpty();

    payment.authorized("auth-1", NOW);

    assertThat(payment.state()).isEqualTo(PaymentState.AUTHORIZED);
    assertThat(payment.uncaptured()).isEqualTo(eur(10_000));
    assertThat(payment.takeRecorded()).containsExactly(new PaymentEvent.Authorized(eur(10_000)));
    assertThatThrownBy(() -> payment.authorized("auth-2", NOW))
        .isInstanceOf(IllegalPaymentOperationException.class);
  }

  @Test
  void aFailedAuthorisationHoldsNothingAndAllowsNothing() {
    Payment payment = started(10_000);
    payment.failed(FailureReason.DECLINED, "declined", NOW);

    assertThat(payment.takeRecorded()).isEmpty();
    assertThatThrownBy(() -> payment.checkCapture("vendor-a", eur(1)))
        .isInstanceOf(IllegalPaymentOperationException.class);
    assertThatThrownBy(() -> payment.voidRest(eur(0), "cancelled", NOW))
        .isInstanceOf(IllegalPaymentOperationException.class);
  }

  @Test
  void vendorsCaptureOnceEachWithinTheAuthorisation() {
    Payment payment = authorised(10_000);
    payment.capture("vendor-a", eur(6_000), "cap-a", NOW);

    assertThatThrownBy(() -> payment.checkCapture("vendor-a", eur(1_000)))
        .hasMessageContaining("already captured");
    assertThatThrownBy(() -> payment.checkCapture("vendor-b", eur(4_001)))
        .hasMessageContaining("at most 4000 EUR");
    assertThatThrownBy(() -> payment.checkCapture("vendor-b", Money.of(1_000, "USD")))
        .isInstanceOf(IllegalPaymentOperationException.class);
    payment.capture("vendor-b", eur(4_000), "cap-b", NOW);
    assertThat(payment.uncaptured().isZero()).isTrue();
    assertThat(payment.holdsFunds()).isFalse();
  }

  @Test
  void aVoidReleasesWhatTheProviderReleasedAndALateRecordedCaptureStillFits() {
    Payment payment = authorised(10_000);
    payment.capture("vendor-a", eur(2_000), "cap-a", NOW);
    // The provider took vendor-b's 3,000 before the void, which therefore released 5,000.
    payment.voidRest(eur(5_000), "cancelled", NOW);
    payment.capture("vendor-b", eur(3_000), "cap-b", NOW);

    assertThat(payment.state()).isEqualTo(PaymentState.VOIDED);
    assertThat(payment.uncaptured().isZero()).isTrue();
    assertThatThrownBy(() -> payment.capture("vendor-c", eur(1), "cap-c", NOW))
        .isInstanceOf(IllegalPaymentOperationException.class);
    assertThatThrownBy(() -> payment.checkCapture("vendor-c", eur(1)))
        .isInstanceOf(IllegalPaymentOperationException.class);
  }

  @Test
  void aCapturedPartIsRefundedAtMostOnceAndAtMostWhatWasCaptured() {
    Payment payment = authorised(10_000);
    payment.capture("vendor-a", eur(6_000), "cap-a", NOW);

    assertThatThrownBy(() -> payment.checkRefund("vendor-a", PartRefund.WHOLE_PART, eur(6_001)))
        .isInstanceOf(IllegalPaymentOperationException.class);
    assertThatThrownBy(() -> payment.checkRefund("vendor-b", PartRefund.WHOLE_PART, eur(1)))
        .hasMessageContaining("not captured");
    payment.refund("vendor-a", PartRefund.WHOLE_PART, eur(6_000), "ref-a", NOW);
    assertThatThrownBy(() -> payment.checkRefund("vendor-a", PartRefund.WHOLE_PART, eur(1)))
        .hasMessageContaining("made already");
    assertThat(payment.refunded()).isEqualTo(eur(6_000));
  }

  @Test
  void aPartIsRefundedInSeveralReturnsEachOnceAndTogetherNeverBeyondItsCapture() {
    Payment payment = authorised(10_000);
    payment.capture("vendor-a", eur(6_000), "cap-a", NOW);

    payment.refund("vendor-a", "return-1", eur(2_000), "ref-1", NOW);
    payment.refund("vendor-a", "return-2", eur(3_000), "ref-2", NOW);

    assertThatThrownBy(() -> payment.checkRefund("vendor-a", "return-1", eur(1)))
        .hasMessageContaining("made already");
    assertThatThrownBy(() -> payment.checkRefund("vendor-a", "return-3", eur(1_001)))
        .as("only 1,000 is left of the part")
        .isInstanceOf(IllegalPaymentOperationException.class);
    payment.refund("vendor-a", "return-3", eur(1_000), "ref-3", NOW);
    assertThat(payment.part("vendor-a").orElseThrow().refundedAmount()).isEqualTo(eur(6_000));
    assertThat(payment.refunds())
        .extracting(PartRefund::refundId)
        .containsExactly("return-1", "return-2", "return-3");
  }

  @Test
  void everyStepPostsABalancedTransactionAndTheAccountsAddUp() {
    Payment payment = authorised(10_000);
    post(payment);
    payment.capture("vendor-a", eur(6_000), "cap-a", NOW);
    payment.capture("vendor-b", eur(1_500), "cap-b", NOW);
    payment.refund("vendor-a", "return-1", eur(1_500), "ref-a", NOW);
    payment.refund("vendor-a", "return-2", eur(500), "ref-b", NOW);
    payment.voidRest(eur(2_500), "rest cancelled", NOW);
    List<LedgerTransaction> ledger = post(payment);

    assertThat(ledger)
        .extracting(LedgerTransaction::reference)
        .containsExactly(
            "authorize:order-1",
            "capture:order-1:vendor-a",
            "capture:order-1:vendor-b",
            "refund:order-1:vendor-a:return-1",
            "refund:order-1:vendor-a:return-2",
            "void:order-1");
    Map<String, Long> balances = new HashMap<>();
    for (LedgerTransaction transaction : ledger) {
      long sum = 0;
      for (LedgerEntry entry : transaction.entries()) {
        long signed = entry.side() == Side.DEBIT ? entry.amountMinor() : -entry.amountMinor();
        sum += signed;
        balances.merge(entry.account() + "/" + entry.vendorId(), signed, Long::sum);
      }
      assertThat(sum).as(transaction.reference()).isZero();
    }
    assertThat(balances)
        .containsEntry(LedgerAccount.AUTHORIZATION_HOLD + "/null", 0L)
        .containsEntry(LedgerAccount.CAPTURED + "/vendor-a", 4_000L)
        .containsEntry(LedgerAccount.CAPTURED + "/vendor-b", 1_500L)
        .containsEntry(LedgerAccount.CARDHOLDER + "/null", -5_500L);
  }

  @Test
  void aPaymentVoidedBeforeAuthorisationCannotBeAuthorised() {
    Payment payment = Payment.voidedBeforeAuthorization("order-1", "cancelled", NOW);

    assertThat(payment.state()).isEqualTo(PaymentState.VOIDED);
    assertThat(payment.hasAmount()).isFalse();
    assertThat(payment.holdsFunds()).isFalse();
    assertThatThrownBy(() -> payment.authorized("auth-1", NOW))
        .isInstanceOf(IllegalPaymentOperationException.class);
    assertThat(PaymentReplies.authorization(payment))
        .hasFieldOrPropertyWithValue("message", PaymentReplies.VOIDED_BEFORE_AUTHORIZATION);
  }

  private static List<LedgerTransaction> post(Payment payment) {
    payment.takeRecorded().forEach(event -> LEDGER.add(LedgerPostings.of(payment, event, NOW)));
    List<LedgerTransaction> posted = List.copyOf(LEDGER);
    return posted;
  }

  private static Payment started(long amount) {
    LEDGER.clear();
    return Payment.start("order-1", "shopper-1", "card-1", eur(amount), NOW);
  }

  private static Payment authorised(long amount) {
    Payment payment = started(amount);
    payment.authorized("auth-1", NOW);
    return payment;
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
