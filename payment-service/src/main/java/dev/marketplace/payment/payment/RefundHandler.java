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
 * RefundPayment of one vendor's captured part: refunded at the provider with the key of the order
 * and vendor, then recorded with its ledger entries and reply in one transaction. A part is
 * refunded once; a repeated command gets the recorded refund as its reply.
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
    Payment payment =
        store
            .find(orderId)
            .orElseThrow(
                () -> new IllegalPaymentOperationException("no payment for order " + orderId));
    String refundId = null;
    if (!refunded(payment, vendorId)) {
      payment.checkRefund(vendorId, amount);
      refundId =
          provider.refund(
              IdempotencyKey.refund(orderId, vendorId),
              payment.part(vendorId).orElseThrow().providerCaptureId(),
              amount);
    }
    String providerRefundId = refundId;
    inbox.handleOnce(
        PaymentCommandListener.CONSUMER,
        eventId,
        () -> finish(orderId, vendorId, amount, providerRefundId));
  }

  private void finish(
      String orderId, String vendorId, Money amount, @Nullable String providerRefundId) {
    Payment payment = store.lockAndFind(orderId).orElseThrow();
    if (!refunded(payment, vendorId)) {
      payment.refund(
          vendorId,
          amount,
          Objects.requireNonNull(providerRefundId, "refunded at the provider"),
          clock.instant());
      store.save(payment);
      metrics.refunded();
    }
    outbox.publish(Topics.PAYMENT_REPLIES, PaymentReplies.refund(payment, vendorId));
  }

  private static boolean refunded(Payment payment, String vendorId) {
    return payment.part(vendorId).map(VendorPart::refunded).orElse(false);
  }
}
