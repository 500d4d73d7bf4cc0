package dev.marketplace.order.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.ServiceBusyException;
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
 * a checkout can only name an address of the shopper who sends it. Bounded in time: a slow or
 * absent customer-service makes such a checkout a 503 (an inline address still works), never a
 * hang.
 */
@Component
public class SavedAddresses {

  private static final Logger log = LoggerFactory.getLogger(SavedAddresses.class);

  private final RestClient customers;
  private final Duration retryAfter;
  private final Validator validator;

  SavedAddresses(RestClient.Builder builder, OrderProperties properties, Validator validator) {
    this.validator = validator;
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
      saved =
          customers
              .get()
              .uri("/api/v1/customers/me/addresses/{id}", addressId)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopperToken)
              .retrieve()
              .body(SavedAddress.class);
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
        throw new InvalidFieldException("addressId", "is not one of your saved addresses");
      }
      log.warn(
          "saved address {} could not be read: customer-service answered {}",
          addressId,
          e.getStatusCode());
      throw unavailable();
    } catch (RestClientException e) {
      // The class only: a message could quote the answer, which holds an address.
      log.warn("saved address {} could not be read: {}", addressId, e.getClass().getName());
      throw unavailable();
    }
    if (saved == null) {
      log.warn(
          "saved address {} could not be read: customer-service answered with no body", addressId);
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
