package dev.marketplace.payment.payment;

import dev.marketplace.events.Topics;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.payment.money.Money;
import dev.marketplace.payment.provider.IdempotencyKey;
import dev.marketplace.payment.provider.RetryingProvider;
import dev.marketplace.platform.inbox.Inbox;
import dev.marketplace.platform.outbox.Outbox;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * VoidPayment: release whatever is still held for the order, and answer PaymentVoided whatever the
 * payment's state, since afterwards nothing is held in every case:
 *
 * <ul>
 *   <li>authorised with an uncaptured rest: voided at the provider (key per order), rest released;
 *   <li>fully captured, failed or already voided: nothing to release;
 *   <li>still authorising (the void overtook the outcome): the authorisation is completed first
 *       with its own key, so it is neither repeated nor left dangling, then voided;
 *   <li>unknown order: a voided payment is recorded, so a late AuthorizePayment holds nothing.
 * </ul>
 */
@Component
class VoidHandler {

  private final PaymentStore store;
  private final AuthorizationHandler authorizations;
  private final RetryingProvider provider;
  private final Inbox inbox;
  private final Outbox outbox;
  private final Clock clock;
  private final PaymentMetrics metrics;

  VoidHandler(
      PaymentStore store,
      AuthorizationHandler authorizations,
      RetryingProvider provider,
      Inbox inbox,
      Outbox outbox,
      Clock clock,
      PaymentMetrics metrics) {
    this.store = store;
    this.authorizations = authorizations;
    this.provider = provider;
    this.inbox = inbox;
    this.outbox = outbox;
    this.clock = clock;
    this.metrics = metrics;
  }

  void handle(UUID eventId, VoidPaymentV1 command) {
    String orderId = CommandValues.required(command.orderId(), "orderId");
    String reason = command.reason() == null ? "cancelled" : command.reason();
    Optional<Payment> payment = store.find(orderId);
    if (payment.isPresent() && payment.get().state() == PaymentState.AUTHORIZING) {
      authorizations.complete(payment.get());
      payment = store.find(orderId);
    }
    Money releasedAtProvider = null;
    if (payment.isPresent() && payment.get().holdsFunds()) {
      releasedAtProvider =
          provider.voidAuthorization(
              IdempotencyKey.voiding(orderId),
              Objects.requireNonNull(payment.get().providerAuthorizationId()));
    }
    Money released = releasedAtProvider;
    inbox.handleOnce(
        PaymentCommandListener.CONSUMER, eventId, () -> finish(orderId, reason, released));
  }

  /**
   * @param released what the provider released, or null if it was not asked (nothing was held)
   */
  private void finish(String orderId, String reason, @Nullable Money released) {
    Optional<Payment> found = store.lockAndFind(orderId);
    if (found.isEmpty()) {
      Payment tombstone = Payment.voidedBeforeAuthorization(orderId, reason, clock.instant());
      store.save(tombstone);
      outbox.publish(Topics.PAYMENT_REPLIES, PaymentReplies.voided(tombstone));
      return;
    }
    Payment payment = found.get();
    switch (payment.state()) {
      case AUTHORIZED -> {
        if (released == null && payment.holdsFunds()) {
          // Authorised between our look and this lock: retried, the void then reaches the provider.
          throw new IllegalPaymentOperationException(
              "the payment of order " + orderId + " was authorised meanwhile");
        }
        payment.voidRest(
            released == null ? payment.uncaptured() : released, reason, clock.instant());
        store.save(payment);
        metrics.voided();
      }
      case AUTHORIZING ->
          throw new IllegalPaymentOperationException(
              "the payment of order " + orderId + " is being authorised");
      case FAILED, VOIDED -> {
        // Nothing is held: the reply alone.
      }
    }
    outbox.publish(Topics.PAYMENT_REPLIES, PaymentReplies.voided(payment));
  }
}
