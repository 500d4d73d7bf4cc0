package dev.marketplace.payment.payment;

import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentCapturedV1;
import dev.marketplace.events.payment.PaymentFailedV1;
import dev.marketplace.events.payment.PaymentRefundedV1;
import dev.marketplace.events.payment.PaymentVoidedV1;
import dev.marketplace.payment.money.Money;

/**
 * The saga replies, computed from the payment's state rather than from the command at hand: the
 * first delivery of a command and every repetition of it therefore get the same answer.
 */
final class PaymentReplies {

  static final String VOIDED_BEFORE_AUTHORIZATION =
      "The order's payment was voided before it was authorised.";

  private PaymentReplies() {}

  /** PaymentAuthorizedV1 if money was ever held for the order, PaymentFailedV1 otherwise. */
  static dev.marketplace.events.Event authorization(Payment payment) {
    if (payment.providerAuthorizationId() != null) {
      Money amount = payment.amount();
      return new PaymentAuthorizedV1(
          payment.orderId(), payment.id().toString(), amount.minor(), amount.currencyCode());
    }
    return switch (payment.state()) {
      case FAILED ->
          new PaymentFailedV1(
              payment.orderId(),
              PaymentFailedV1.Reason.valueOf(String.valueOf(payment.failureReason())),
              String.valueOf(payment.failureMessage()));
      case VOIDED ->
          new PaymentFailedV1(
              payment.orderId(), PaymentFailedV1.Reason.DECLINED, VOIDED_BEFORE_AUTHORIZATION);
      case AUTHORIZING, AUTHORIZED ->
          throw new IllegalStateException(
              "the authorisation of order " + payment.orderId() + " has no outcome yet");
    };
  }

  static PaymentCapturedV1 capture(Payment payment, String vendorId) {
    Money captured = payment.part(vendorId).orElseThrow().captured();
    return new PaymentCapturedV1(
        payment.orderId(), vendorId, captured.minor(), captured.currencyCode());
  }

  static PaymentVoidedV1 voided(Payment payment) {
    return new PaymentVoidedV1(payment.orderId());
  }

  static PaymentRefundedV1 refund(Payment payment, String vendorId, String refundKey) {
    PartRefund refund = payment.refund(vendorId, refundKey).orElseThrow();
    Money refunded = refund.amount();
    return new PaymentRefundedV1(
        payment.orderId(), vendorId, refunded.minor(), refunded.currencyCode(), refund.refundId());
  }
}
