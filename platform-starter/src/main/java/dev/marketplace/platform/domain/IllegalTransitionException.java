package dev.marketplace.platform.domain;

/**
 * An action an aggregate's current state does not allow (shipping a cancelled order, approving a
 * refunded return). Thrown by domain objects; the platform answers it as a 409 conflict problem.
 */
public class IllegalTransitionException extends RuntimeException {

  public IllegalTransitionException(String message) {
    super(message);
  }
}
