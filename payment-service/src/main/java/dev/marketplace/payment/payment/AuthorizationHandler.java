package dev.marketplace.payment.payment;

import dev.marketplace.events.Topics;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.payment.card.PaymentMethod;
import dev.marketplace.payment.card.PaymentMethodService;
import dev.marketplace.payment.money.Money;
import dev.marketplace.payment.provider.AuthorizationResult;
import dev.marketplace.payment.provider.ProviderUnavailableException;
import dev.marketplace.payment.provider.RetryingProvider;
import dev.marketplace.platform.inbox.Inbox;
import dev.marketplace.platform.outbox.Outbox;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AuthorizePayment, in three steps so that no crash or redelivery can charge twice:
 *
 * <ol>
 *   <li>record the payment (AUTHORIZING, with the idempotency key derived from the order) and
 *       commit;
 *   <li>ask the provider, outside any transaction, retrying timeouts with that same key;
 *   <li>in one transaction: record the outcome, post the ledger, queue the reply (outbox) and mark
 *       the command handled (inbox).
 * </ol>
 *
 * A crash after 1 or 2 leaves an AUTHORIZING payment; the redelivered command repeats 2 with the
 * same key, and the provider answers with what it did the first time. A payment past AUTHORIZING is
 * never sent to the provider again; its reply is repeated.
 */
@Component
class AuthorizationHandler {

  private final PaymentStore store;
  private final PaymentMethodService methods;
  private final RetryingProvider provider;
  private final Inbox inbox;
  private final Outbox outbox;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final PaymentMetrics metrics;

  AuthorizationHandler(
      PaymentStore store,
      PaymentMethodService methods,
      RetryingProvider provider,
      Inbox inbox,
      Outbox outbox,
      TransactionTemplate transaction,
      Clock clock,
      PaymentMetrics metrics) {
    this.store = store;
    this.methods = methods;
    this.provider = provider;
    this.inbox = inbox;
    this.outbox = outbox;
    this.transaction = transaction;
    this.clock = clock;
    this.metrics = metrics;
  }

  void handle(UUID eventId, AuthorizePaymentV1 command) {
    String orderId = CommandValues.required(command.orderId(), "orderId");
    Money amount = CommandValues.positiveAmount(command.amountMinor(), command.currency());
    String customerId = CommandValues.required(command.customerId(), "customerId");
    String cardToken = CommandValues.required(command.cardToken(), "cardToken");
    Payment payment = begin(orderId, customerId, cardToken, amount);
    Outcome outcome = payment.state() == PaymentState.AUTHORIZING ? askProvider(payment) : null;
    inbox.handleOnce(PaymentCommandListener.CONSUMER, eventId, () -> finish(orderId, outcome));
  }

  /** Completes an authorisation left AUTHORIZING (a void arrived before its outcome). */
  void complete(Payment authorizing) {
    Outcome outcome = askProvider(authorizing);
    transaction.executeWithoutResult(status -> finish(authorizing.orderId(), outcome));
  }

  private Payment begin(String orderId, String customerId, String cardToken, Money amount) {
    return Objects.requireNonNull(
        transaction.execute(
            status ->
                store
                    .lockAndFind(orderId)
                    .orElseGet(
                        () ->
                            store.save(
                                Payment.start(
                                    orderId, customerId, cardToken, amount, clock.instant())))));
  }

  private Outcome askProvider(Payment payment) {
    Optional<PaymentMethod> card =
        methods
            .byToken(Objects.requireNonNull(payment.cardToken()))
            .filter(method -> method.belongsTo(Objects.requireNonNull(payment.customerId())));
    if (card.isEmpty()) {
      return new Outcome.Failed(
          FailureReason.INVALID_CARD, "The card is not one of this shopper's cards.");
    }
    if (card.get().expiredBy(YearMonth.now(clock))) {
      return new Outcome.Failed(FailureReason.INVALID_CARD, "The card has expired.");
    }
    try {
      return switch (provider.authorize(
          payment.idempotencyKey(), card.get().providerToken(), payment.amount())) {
        case AuthorizationResult.Approved approved ->
            new Outcome.Approved(approved.authorizationId());
        case AuthorizationResult.Declined declined ->
            new Outcome.Failed(FailureReason.valueOf(declined.reason().name()), declined.message());
      };
    } catch (ProviderUnavailableException e) {
      return new Outcome.Failed(
          FailureReason.PROVIDER_UNAVAILABLE, "The payment provider did not answer in time.");
    }
  }

  private void finish(String orderId, @Nullable Outcome outcome) {
    Payment payment = store.lockAndFind(orderId).orElseThrow();
    if (payment.state() == PaymentState.AUTHORIZING) {
      switch (Objects.requireNonNull(outcome, "an authorising payment needs an outcome")) {
        case Outcome.Approved approved -> {
          payment.authorized(approved.authorizationId(), clock.instant());
          metrics.authorized();
        }
        case Outcome.Failed failed -> {
          payment.failed(failed.reason(), failed.message(), clock.instant());
          metrics.authorizationFailed(failed.reason());
        }
      }
      store.save(payment);
    }
    outbox.publish(Topics.PAYMENT_REPLIES, PaymentReplies.authorization(payment));
  }

  /** What the provider (or our own card check) decided. */
  private sealed interface Outcome {

    record Approved(String authorizationId) implements Outcome {}

    record Failed(FailureReason reason, String message) implements Outcome {}
  }
}
