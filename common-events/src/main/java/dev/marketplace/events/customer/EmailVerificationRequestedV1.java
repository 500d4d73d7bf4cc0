package dev.marketplace.events.customer;

import dev.marketplace.events.Event;
import java.time.Instant;

/**
 * A verification message to send: a mail sender delivers {@code token} to {@code email}. It is the
 * one event that carries personal data, on a topic with short retention.
 */
public record EmailVerificationRequestedV1(
    String customerId, String email, String token, Instant expiresAt) implements Event {

  @Override
  public String key() {
    return customerId;
  }
}
