package dev.marketplace.platform.web;

/**
 * A write to a shared resource came without If-Match, so it could overwrite a change unseen (428).
 */
public class PreconditionRequiredException extends RuntimeException {

  public PreconditionRequiredException(String message) {
    super(message);
  }
}
