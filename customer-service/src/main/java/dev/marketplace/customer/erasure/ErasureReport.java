package dev.marketplace.customer.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What was erased about one customer, service by service. It holds no personal data.
 *
 * @param complete whether every service holding the customer's data has confirmed
 */
public record ErasureReport(
    UUID customerId, Instant requestedAt, boolean complete, List<ServiceConfirmation> services) {

  /**
   * @param confirmedAt null while the service has not confirmed
   */
  public record ServiceConfirmation(
      String service, Status status, @Nullable Instant confirmedAt, List<String> actions) {}

  public enum Status {
    PENDING,
    CONFIRMED
  }
}
