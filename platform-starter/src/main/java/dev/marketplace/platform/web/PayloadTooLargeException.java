package dev.marketplace.platform.web;

/** The request body is larger than {@code marketplace.http.max-body-size} (413). */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long limit) {
    super("The request body is larger than the limit of " + limit + " bytes.");
  }
}
