package dev.marketplace.order.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.ServiceBusyException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads one of the shopper's saved addresses from customer-service with the shopper's own token, so
 * a checkout can only name an address of the shopper who sends it. Bounded in time, and behind a
 * circuit breaker: a slow or absent customer-service makes such a checkout a 503 (at once while the
 * breaker is open; an inline address still works), never a hang.
 */
@Component
public class SavedAddresses {

  private static final Logger log = LoggerFactory.getLogger(SavedAddresses.class);

  private final RestClient customers;
  private final Duration retryAfter;
  private final Validator validator;
  private final CircuitBreaker breaker;

  SavedAddresses(
      RestClient.Builder builder,
      OrderProperties properties,
      Validator validator,
      MeterRegistry meters) {
    this.validator = validator;
    CircuitBreakerRegistry breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                // Only customer-service being unreachable or failing counts, not a shopper naming
                // an address that is not theirs.
                .recordExceptions(Unavailable.class)
                .build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    this.breaker = breakers.circuitBreaker("saved-addresses");
    OrderProperties.Customers config = properties.customers();
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build());
    requests.setReadTimeout(config.readTimeout());
    this.customers = builder.baseUrl(config.uri().toString()).requestFactory(requests).build();
    this.retryAfter = properties.checkout().retryAfter();
  }

  /**
   * The saved address, checked against its country's rules like an inline one (it may have been
   * saved before a rule existed).
   */
  public ShippingAddress read(String shopperToken, UUID addressId) {
    SavedAddress saved;
    try {
      saved = breaker.executeSupplier(() -> fetch(shopperToken, addressId));
    } catch (CallNotPermittedException e) {
      throw unavailable();
    } catch (Unavailable e) {
      log.warn("saved address {} could not be read: {}", addressId, e.getMessage());
      throw unavailable();
    }
    ShippingAddress address = saved.toShippingAddress();
    Set<ConstraintViolation<ShippingAddress>> broken = validator.validate(address);
    if (!broken.isEmpty()) {
      throw new InvalidFieldException(
          "addressId",
          "the saved address breaks its country's rules ("
              + broken.stream()
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .sorted()
                  .collect(Collectors.joining("; "))
              + "): correct it, or give the address inline");
    }
    return address;
  }

  private SavedAddress fetch(String shopperToken, UUID addressId) {
    try {
      SavedAddress saved =
          customers
              .get()
              .uri("/api/v1/customers/me/addresses/{id}", addressId)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopperToken)
              .retrieve()
              .body(SavedAddress.class);
      if (saved == null) {
        throw new Unavailable("customer-service answered with no body");
      }
      return saved;
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
        throw new InvalidFieldException("addressId", "is not one of your saved addresses");
      }
      throw new Unavailable("customer-service answered " + e.getStatusCode());
    } catch (RestClientException e) {
      // The class only: a message could quote the answer, which holds an address.
      throw new Unavailable(e.getClass().getName());
    }
  }

  /** customer-service could not answer (what the circuit breaker counts). */
  private static final class Unavailable extends RuntimeException {
    Unavailable(String why) {
      super(why);
    }
  }

  /**
   * customer-service's address as it answers it; fields this checkout does not use (its id, label,
   * when it was saved, any added later) are ignored.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record SavedAddress(
      String recipient,
      String line1,
      @Nullable String line2,
      String city,
      @Nullable String postalCode,
      @Nullable String region,
      String country,
      @Nullable String phone) {

    ShippingAddress toShippingAddress() {
      return new ShippingAddress(recipient, line1, line2, city, postalCode, region, country, phone);
    }
  }

  private ServiceBusyException unavailable() {
    return new ServiceBusyException(
        "Saved addresses cannot be read just now: send the checkout again after the pause, or give"
            + " the address inline.",
        retryAfter);
  }
}
