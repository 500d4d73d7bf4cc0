package dev.marketplace.gateway.errors;

/** A request body went over the configured limit (declared up front or counted while streaming). */
public class PayloadTooLargeException extends RuntimeException {

  private final long maxBytes;

  public PayloadTooLargeException(long maxBytes) {
    super("request body over " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Whether this is what made a call fail (it may arrive wrapped by the HTTP client). */
  public static boolean isCauseOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PayloadTooLargeException) {
        return true;
      }
    }
    return false;
  }
}
