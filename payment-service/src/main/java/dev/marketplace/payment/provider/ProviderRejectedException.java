package dev.marketplace.payment.provider;

/**
 * The provider refused an operation on an existing authorisation or capture (more than is left to
 * capture or refund, an unknown reference, a key reused for another request). Retrying the same
 * request cannot succeed.
 */
public class ProviderRejectedException extends RuntimeException {

  public ProviderRejectedException(String message) {
    super(message);
  }
}
