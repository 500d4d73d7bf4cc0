package dev.marketplace.events.customer;

import dev.marketplace.events.Event;
import java.time.Instant;

/** A shopper signed up; the account is usable once the email address is verified. */
public record CustomerRegisteredV1(String customerId, Instant registeredAt) implements Event {

  @Override
  public String key() {
    return customerId;
  }
}
