package dev.marketplace.events;

/**
 * A record that is not a readable event. Retrying cannot fix it, so consumers dead-letter it at
 * once.
 */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String message) {
    super(message);
  }

  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
