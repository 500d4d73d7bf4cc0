package dev.marketplace.payment.provider;

import dev.marketplace.payment.money.Money;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The provider as payment handling calls it: a call that times out is repeated with exponential
 * back-off and the same idempotency key (so a call that did take effect is answered, not repeated,
 * by the provider). Only timeouts are retried; a decline or rejection is an answer. When the
 * attempts run out, the {@link ProviderUnavailableException} reaches the caller.
 *
 * <p>Metrics: {@code resilience4j_retry_calls_total{name="payment-provider"}} by outcome.
 */
@Component
public class RetryingProvider {

  private final PaymentProvider provider;
  private final Retry retry;

  RetryingProvider(
      PaymentProvider provider, ProviderRetryProperties properties, MeterRegistry meters) {
    this.provider = provider;
    RetryRegistry registry =
        RetryRegistry.of(
            RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        properties.initialInterval(),
                        properties.multiplier(),
                        properties.maxInterval()))
                .retryExceptions(ProviderUnavailableException.class)
                .build());
    this.retry = registry.retry("payment-provider");
    TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
  }

  public AuthorizationResult authorize(IdempotencyKey key, String cardToken, Money amount) {
    return withRetries(() -> provider.authorize(key, cardToken, amount));
  }

  public void deleteCard(String cardToken) {
    withRetries(
        () -> {
          provider.deleteCard(cardToken);
          return cardToken;
        });
  }

  public String capture(IdempotencyKey key, String authorizationId, Money amount) {
    return withRetries(() -> provider.capture(key, authorizationId, amount));
  }

  public Money voidAuthorization(IdempotencyKey key, String authorizationId) {
    return withRetries(() -> provider.voidAuthorization(key, authorizationId));
  }

  public String refund(IdempotencyKey key, String captureId, Money amount) {
    return withRetries(() -> provider.refund(key, captureId, amount));
  }

  private <T> T withRetries(Supplier<T> call) {
    return Retry.decorateSupplier(retry, call).get();
  }
}
