package dev.marketplace.payment.provider.simulated;

import dev.marketplace.payment.card.CardDetails;
import dev.marketplace.payment.money.Money;
import dev.marketplace.payment.provider.AuthorizationResult;
import dev.marketplace.payment.provider.DeclineReason;
import dev.marketplace.payment.provider.IdempotencyKey;
import dev.marketplace.payment.provider.PaymentProvider;
import dev.marketplace.payment.provider.ProviderRejectedException;
import dev.marketplace.payment.provider.ProviderUnavailableException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A card processor that behaves like a real one where it matters to us: tokens instead of card
 * numbers, idempotency keys honoured (a repeated key returns the first result; a key reused for
 * another request is rejected), amounts checked against what is authorised and captured, and
 * timeouts for the documented timeout card. A timed-out call has no effect here.
 *
 * <p>Each call runs in a transaction of its own. The idempotency record's row is locked first
 * ({@code INSERT ... ON CONFLICT DO UPDATE}), so concurrent calls with one key run one after the
 * other and the second gets the first one's result.
 */
public class SimulatedProvider implements PaymentProvider {

  private static final String APPROVED = "APPROVED";
  private static final String DONE = "DONE";
  private static final String REJECTED = "REJECTED";
  private static final String TIMED_OUT = "TIMED_OUT";

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final SimulatedProviderProperties properties;
  private final Clock clock;

  SimulatedProvider(
      JdbcClient jdbc,
      TransactionTemplate ownTransaction,
      SimulatedProviderProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = ownTransaction;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String tokenize(CardDetails card) {
    String token = "sim_card_" + UUID.randomUUID();
    TestCard behaviour = TestCard.forNumber(card.number().digits());
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.sql(
                    "INSERT INTO simulated_provider_card (token, behaviour, created_at)"
                        + " VALUES (?, ?, ?)")
                .params(token, behaviour.name(), now())
                .update());
    return token;
  }

  @Override
  public void deleteCard(String cardToken) {
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.sql("DELETE FROM simulated_provider_card WHERE token = ?")
                .param(cardToken)
                .update());
  }

  @Override
  public AuthorizationResult authorize(IdempotencyKey key, String cardToken, Money amount) {
    Outcome outcome =
        call(
            key,
            "authorize",
            cardToken + "|" + amount,
            calls -> authorizeFirstTime(key, cardToken, amount, calls));
    return switch (outcome.result()) {
      case APPROVED -> new AuthorizationResult.Approved(outcome.reference());
      default ->
          new AuthorizationResult.Declined(
              DeclineReason.valueOf(outcome.result()), outcome.reference());
    };
  }

  @Override
  public String capture(IdempotencyKey key, String authorizationId, Money amount) {
    return call(
            key,
            "capture",
            authorizationId + "|" + amount,
            calls -> captureFirstTime(authorizationId, amount))
        .reference();
  }

  @Override
  public Money voidAuthorization(IdempotencyKey key, String authorizationId) {
    String[] released =
        call(key, "void", authorizationId, calls -> voidFirstTime(authorizationId))
            .reference()
            .split(" ");
    return Money.of(Long.parseLong(released[0]), released[1]);
  }

  @Override
  public String refund(IdempotencyKey key, String captureId, Money amount) {
    return call(
            key, "refund", captureId + "|" + amount, calls -> refundFirstTime(captureId, amount))
        .reference();
  }

  private Outcome authorizeFirstTime(
      IdempotencyKey key, String cardToken, Money amount, int calls) {
    TestCard card =
        jdbc.sql("SELECT behaviour FROM simulated_provider_card WHERE token = ?")
            .param(cardToken)
            .query(String.class)
            .optional()
            .map(TestCard::valueOf)
            .orElse(null);
    if (card == null) {
      return new Outcome(DeclineReason.INVALID_CARD.name(), "The card is not known.");
    }
    return switch (card) {
      case DECLINE -> new Outcome(DeclineReason.DECLINED.name(), "The card was declined.");
      case INSUFFICIENT_FUNDS ->
          new Outcome(DeclineReason.INSUFFICIENT_FUNDS.name(), "The card has insufficient funds.");
      case TIMEOUT ->
          timesOut(calls) ? new Outcome(TIMED_OUT, "no answer") : approve(key, cardToken, amount);
      case APPROVE -> approve(key, cardToken, amount);
    };
  }

  private boolean timesOut(int calls) {
    Integer timeouts = properties.timeoutsBeforeSuccess();
    return timeouts == null || calls <= timeouts;
  }

  private Outcome approve(IdempotencyKey key, String cardToken, Money amount) {
    String id = "sim_auth_" + UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO simulated_provider_authorization (id, idempotency_key, card_token,"
                + " amount_minor, currency, captured_minor, voided, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 0, false, ?)")
        .params(id, key.value(), cardToken, amount.minor(), amount.currencyCode(), now())
        .update();
    return new Outcome(APPROVED, id);
  }

  private Outcome captureFirstTime(String authorizationId, Money amount) {
    Authorization authorization = lockAuthorization(authorizationId);
    if (authorization == null) {
      return new Outcome(REJECTED, "unknown authorisation");
    }
    if (authorization.voided()) {
      return new Outcome(REJECTED, "the authorisation is voided");
    }
    if (!authorization.currency().equals(amount.currencyCode())) {
      return new Outcome(REJECTED, "the capture's currency is not the authorisation's");
    }
    if (authorization.capturedMinor() + amount.minor() > authorization.amountMinor()) {
      return new Outcome(REJECTED, "more than the uncaptured rest of the authorisation");
    }
    String id = "sim_capture_" + UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO simulated_provider_capture (id, authorization_id, amount_minor, currency,"
                + " refunded_minor, created_at) VALUES (?, ?, ?, ?, 0, ?)")
        .params(id, authorizationId, amount.minor(), amount.currencyCode(), now())
        .update();
    jdbc.sql(
            "UPDATE simulated_provider_authorization SET captured_minor = captured_minor + ?"
                + " WHERE id = ?")
        .params(amount.minor(), authorizationId)
        .update();
    return new Outcome(DONE, id);
  }

  /** Its reference is what it released, as "minor currency". */
  private Outcome voidFirstTime(String authorizationId) {
    Authorization authorization = lockAuthorization(authorizationId);
    if (authorization == null) {
      return new Outcome(REJECTED, "unknown authorisation");
    }
    long released =
        authorization.voided() ? 0 : authorization.amountMinor() - authorization.capturedMinor();
    jdbc.sql("UPDATE simulated_provider_authorization SET voided = true WHERE id = ?")
        .param(authorizationId)
        .update();
    return new Outcome(DONE, released + " " + authorization.currency());
  }

  private Outcome refundFirstTime(String captureId, Money amount) {
    Capture capture =
        jdbc.sql(
                "SELECT amount_minor, currency, refunded_minor FROM simulated_provider_capture"
                    + " WHERE id = ? FOR UPDATE")
            .param(captureId)
            .query(Capture.class)
            .optional()
            .orElse(null);
    if (capture == null) {
      return new Outcome(REJECTED, "unknown capture");
    }
    if (!capture.currency().equals(amount.currencyCode())) {
      return new Outcome(REJECTED, "the refund's currency is not the capture's");
    }
    if (capture.refundedMinor() + amount.minor() > capture.amountMinor()) {
      return new Outcome(REJECTED, "more than the unrefunded rest of the capture");
    }
    jdbc.sql(
            "UPDATE simulated_provider_capture SET refunded_minor = refunded_minor + ? WHERE id = ?")
        .params(amount.minor(), captureId)
        .update();
    return new Outcome(DONE, "sim_refund_" + UUID.randomUUID());
  }

  /**
   * Runs one keyed call: the first call with a key performs it (a timeout is not recorded as its
   * result, so a later call with the key tries again); every later one gets the recorded result.
   */
  private Outcome call(
      IdempotencyKey key, String operation, String fingerprint, IntFunction<Outcome> firstTime) {
    Outcome outcome =
        Objects.requireNonNull(
            ownTransaction.execute(
                status -> {
                  Request request = claim(key, operation, fingerprint);
                  if (!request.operation().equals(operation)
                      || !request.fingerprint().equals(fingerprint)) {
                    return new Outcome(REJECTED, "idempotency key reused for another request");
                  }
                  if (request.outcome() != null) {
                    return new Outcome(request.outcome(), request.reference());
                  }
                  Outcome result = firstTime.apply(request.calls());
                  if (!result.result().equals(TIMED_OUT)) {
                    jdbc.sql(
                            "UPDATE simulated_provider_request SET outcome = ?, reference = ?"
                                + " WHERE idempotency_key = ?")
                        .params(result.result(), result.reference(), key.value())
                        .update();
                  }
                  return result;
                }));
    return switch (outcome.result()) {
      case TIMED_OUT ->
          throw new ProviderUnavailableException("the provider did not answer in time");
      case REJECTED -> throw new ProviderRejectedException(outcome.reference());
      default -> outcome;
    };
  }

  private Request claim(IdempotencyKey key, String operation, String fingerprint) {
    return jdbc.sql(
            "INSERT INTO simulated_provider_request"
                + " (idempotency_key, operation, fingerprint, calls, created_at)"
                + " VALUES (?, ?, ?, 1, ?)"
                + " ON CONFLICT (idempotency_key)"
                + " DO UPDATE SET calls = simulated_provider_request.calls + 1"
                + " RETURNING operation, fingerprint, calls, outcome, reference")
        .params(key.value(), operation, fingerprint, now())
        .query(Request.class)
        .single();
  }

  private @Nullable Authorization lockAuthorization(String authorizationId) {
    return jdbc.sql(
            "SELECT amount_minor, currency, captured_minor, voided"
                + " FROM simulated_provider_authorization WHERE id = ? FOR UPDATE")
        .param(authorizationId)
        .query(Authorization.class)
        .optional()
        .orElse(null);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** A call's result: an outcome name and its reference (an id, or a message for refusals). */
  private record Outcome(String result, String reference) {}

  private record Request(
      String operation,
      String fingerprint,
      int calls,
      @Nullable String outcome,
      @Nullable String reference) {}

  private record Authorization(
      long amountMinor, String currency, long capturedMinor, boolean voided) {}

  private record Capture(long amountMinor, String currency, long refundedMinor) {}
}
