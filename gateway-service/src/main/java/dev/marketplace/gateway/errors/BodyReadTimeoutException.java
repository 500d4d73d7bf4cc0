package dev.marketplace.gateway.errors;

import java.time.Duration;

/** A request body stopped arriving before its end (fewer bytes than its Content-Length). */
public class BodyReadTimeoutException extends RuntimeException {

  public BodyReadTimeoutException(Duration waited) {
    super("no more of the request body arrived within " + waited.toMillis() + " ms");
  }
}
