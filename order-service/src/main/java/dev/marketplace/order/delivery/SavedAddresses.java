package dev.marketplace.order.delivery;

import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.ServiceBusyException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;
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

  private final RestClient customers;
  private final Duration retryAfter;

  SavedAddresses(RestClient.Builder builder, OrderProperties properties) {
    OrderProperties.Customers config = properties.customers();
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build());
    requests.setReadTimeout(config.readTimeout());
    this.customers = builder.baseUrl(config.uri().toString()).requestFactory(requests).build();
    this.retryAfter = properties.checkout().retryAfter();
  }

  public ShippingAddress read(String shopperToken, UUID addressId) {
    try {
      ShippingAddress address =
          customers
              .get()
              .uri("/api/v1/customers/me/addresses/{id}", addressId)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopperToken)
              .retrieve()
              .body(ShippingAddress.class);
      if (address == null) {
        throw new IllegalStateException("customer-service answered with no address");
      }
      return address;
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
        throw new InvalidFieldException("addressId", "is not one of your saved addresses");
      }
      throw unavailable();
    } catch (RestClientException | IllegalStateException e) {
      throw unavailable();
    }
  }

  private ServiceBusyException unavailable() {
    return new ServiceBusyException(
        "Saved addresses cannot be read just now: send the checkout again after the pause, or give"
            + " the address inline.",
        retryAfter);
  }
}
