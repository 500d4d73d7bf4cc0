package dev.marketplace.gateway.routing;

import dev.marketplace.gateway.config.GatewayProperties;
import dev.marketplace.gateway.errors.PayloadTooLargeException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the gateway protects itself and its callers from a failing service: one circuit breaker per
 * service, and no answer that can hang.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamResilience {

  /**
   * Every service's circuit: opens when the configured share of recent calls failed (refused
   * connection, timeout, broken answer), then refuses at once with 503 until a few trial calls
   * succeed. A client's oversized upload is not the service's failure and does not count. The
   * timeouts are the routes' (Resilience4j's time limiter is switched off in application.yaml), so
   * a slow call ends as one 504, counted here as a failure.
   */
  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(
      GatewayProperties properties) {
    GatewayProperties.CircuitBreaker settings = properties.circuitBreaker();
    CircuitBreakerConfig circuit =
        CircuitBreakerConfig.custom()
            .failureRateThreshold(settings.failureRateThreshold())
            .slidingWindowSize(settings.slidingWindowSize())
            .minimumNumberOfCalls(settings.minimumNumberOfCalls())
            .waitDurationInOpenState(settings.waitInOpenState())
            .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
            .ignoreException(PayloadTooLargeException::isCauseOf)
            .build();
    return factory ->
        factory.configureDefault(
            id ->
                new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(circuit)
                    .timeLimiterConfig(TimeLimiterConfig.ofDefaults())
                    .build());
  }

  /**
   * A route's response timeout covers the wait for the answer's headers; this covers silence in the
   * middle of its body, so a service that stalls while streaming cannot hold a client forever.
   */
  @Bean
  HttpClientCustomizer upstreamSilenceLimit(GatewayProperties properties) {
    return client -> client.responseTimeout(properties.longestResponseTimeout());
  }
}
