package dev.marketplace.platform.web;

import java.time.Duration;

/**
 * The service is too busy to take the request now and did nothing with it (503 with {@code
 * Retry-After}): the caller may send it again after the pause.
 */
public class ServiceBusyException extends RuntimeException {

  private final Duration retryAfter;

  public ServiceBusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
