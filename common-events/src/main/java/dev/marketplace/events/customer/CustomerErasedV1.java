package dev.marketplace.events.customer;

import dev.marketplace.events.Event;
import java.time.Instant;

/**
 * A shopper's personal data was erased (GDPR art. 17). Every service that keeps data about the
 * customer must delete or anonymise it.
 */
public record CustomerErasedV1(String customerId, Instant erasedAt) implements Event {

  @Override
  public String key() {
    return customerId;
  }
}
