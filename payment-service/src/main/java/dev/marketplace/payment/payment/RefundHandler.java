package dev.marketplace.payment.payment;

import dev.marketplace.events.Topics;
import dev.marketplace.events.payment.RefundPaymentV1;
import dev.marketplace.payment.money.Money;
import dev.marketplace.payment.provider.IdempotencyKey;
import dev.marketplace.payment.provider.RetryingProvider;
import dev.marketplace.platform.inbox.Inbox;
import dev.marketplace.platform.outbox.Outbox;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * RefundPayment of some of one vendor's captured part: refunded at the provider with the key of the
 * order, vendor and refund id, then recorded with its ledger entries and reply in one transaction.
 * Each refund id is refunded once, and all of a part's refunds together never exceed its capture; a
 * repeated command gets the recorded refund as its reply.
 */
@Component
class RefundHandler {

  private final PaymentStore store;
  private final RetryingProvider provider;
  private final Inbox inbox;
  private final Outbox outbox;
  private final Clock clock;
  private final PaymentMetrics metrics;

  RefundHandler(
      PaymentStore store,
      RetryingProvider provider,
      Inbox inbox,
      Outbox outbox,
      Clock clock,
      PaymentMetrics metrics) {
    this.store = store;
    this.provider = provider;
    this.inbox = inbox;
    this.outbox = outbox;
    this.clock = clock;
    this.metrics = metrics;
  }

  void handle(UUID eventId, RefundPaymentV1 command) {
    String orderId = CommandValues.required(command.orderId(), "orderId");
    String vendorId = CommandValues.required(command.vendorId(), "vendorId");
    Money amount = CommandValues.positiveAmount(command.amountMinor(), command.currency());
    String refundKey =
        command.refundId() == null
            ? PartRefund.WHOLE_PART
            : CommandValues.required(command.refundId(), "refundId");
    Payment payment =
        store
            .find(orderId)
            .orElseThrow(
                () -> new IllegalPaymentOperationException("no payment for order " + orderId));
    String refundId = null;
    if (payment.refund(vendorId, refundKey).isEmpty()) {
      payment.checkRefund(vendorId, refundKey, amount);
      refundId =
          provider.refund(
              providerKey(orderId, vendorId, refundKey),
              payment.part(vendorId).orElseThrow().providerCaptureId(),
              amount);
    }
    String providerRefundId = refundId;
    inbox.handleOnce(
        PaymentCommandListener.CONSUMER,
        eventId,
        () -> finish(orderId, vendorId, refundKey, amount, providerRefundId));
  }

  /**
   * The provider's key of a refund, also the ledger transaction's reference: the refund of a whole
   * part keeps the key it always had.
   */
  static IdempotencyKey providerKey(String orderId, String vendorId, String refundKey) {
    return PartRefund.WHOLE_PART.equals(refundKey)
        ? IdempotencyKey.refund(orderId, vendorId)
        : IdempotencyKey.refund(orderId, vendorId, refundKey);
  }

  private void finish(
      String orderId,
      String vendorId,
      String refundKey,
      Money amount,
      @Nullable String providerRefundId) {
    Payment payment = store.lockAndFind(orderId).orElseThrow();
    if (payment.refund(vendorId, refundKey).isEmpty()) {
      payment.refund(
          vendorId,
          refundKey,
          amount,
          Objects.requireNonNull(providerRefundId, "refunded at the provider"),
          clock.instant());
      store.save(payment);
      metrics.refunded();
    }
    outbox.publish(Topics.PAYMENT_REPLIES, PaymentReplies.refund(payment, vendorId, refundKey));
  }
}
