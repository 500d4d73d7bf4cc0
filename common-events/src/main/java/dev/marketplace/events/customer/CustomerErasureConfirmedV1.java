package dev.marketplace.events.customer;

import dev.marketplace.events.Event;
import java.time.Instant;
import java.util.List;

/**
 * A service has erased or pseudonymised what it held about an erased customer: the lines of the
 * customer's erasure report. Sent once per {@link CustomerErasedV1} a service handles.
 *
 * @param service the confirming service, e.g. {@code order-service}
 * @param actions what it did, in words and counts, without personal data (e.g. "3 orders
 *     pseudonymised, kept for accounting")
 */
public record CustomerErasureConfirmedV1(
    String customerId, String service, List<String> actions, Instant confirmedAt) implements Event {

  @Override
  public String key() {
    return customerId;
  }
}
