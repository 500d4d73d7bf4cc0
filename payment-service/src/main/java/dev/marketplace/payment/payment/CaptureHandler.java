package dev.marketplace.payment.payment;

import dev.marketplace.events.Topics;
import dev.marketplace.events.payment.CapturePaymentV1;
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
 * CapturePayment for one vendor's part: checked against the payment, captured at the provider with
 * the key of the order and vendor (outside any transaction), then recorded with its ledger entries
 * and reply in one transaction. A vendor's part is captured once; a repeated command gets the
 * recorded capture as its reply.
 */
@Component
class CaptureHandler {

  private final PaymentStore store;
  private final RetryingProvider provider;
  private final Inbox inbox;
  private final Outbox outbox;
  private final Clock clock;
  private final PaymentMetrics metrics;

  CaptureHandler(
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

  void handle(UUID eventId, CapturePaymentV1 command) {
    String orderId = CommandValues.required(command.orderId(), "orderId");
    String vendorId = CommandValues.required(command.vendorId(), "vendorId");
    Money amount = CommandValues.positiveAmount(command.amountMinor(), command.currency());
    Payment payment =
        store
            .find(orderId)
            .orElseThrow(
                () -> new IllegalPaymentOperationException("no payment for order " + orderId));
    String captureId = null;
    if (payment.part(vendorId).isEmpty()) {
      payment.checkCapture(vendorId, amount);
      captureId =
          provider.capture(
              IdempotencyKey.capture(orderId, vendorId),
              Objects.requireNonNull(payment.providerAuthorizationId()),
              amount);
    }
    String providerCaptureId = captureId;
    inbox.handleOnce(
        PaymentCommandListener.CONSUMER,
        eventId,
        () -> finish(orderId, vendorId, amount, providerCaptureId));
  }

  private void finish(
      String orderId, String vendorId, Money amount, @Nullable String providerCaptureId) {
    Payment payment = store.lockAndFind(orderId).orElseThrow();
    if (payment.part(vendorId).isEmpty()) {
      payment.capture(
          vendorId,
          amount,
          Objects.requireNonNull(providerCaptureId, "captured at the provider"),
          clock.instant());
      store.save(payment);
      metrics.captured();
    }
    outbox.publish(Topics.PAYMENT_REPLIES, PaymentReplies.capture(payment, vendorId));
  }
}
