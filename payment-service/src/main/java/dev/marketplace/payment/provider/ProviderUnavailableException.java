package dev.marketplace.payment.provider;

/**
 * The provider did not answer in time (or at all). The call may or may not have taken effect, so it
 * is retried with the same idempotency key, never with a new one.
 */
public class ProviderUnavailableException extends RuntimeException {

  public ProviderUnavailableException(String message) {
    super(message);
  }
}
