package dev.marketplace.platform.web;

/**
 * A request field broke a rule that bean validation cannot express (it needs domain state, or
 * several fields together): answered as a 400 validation problem naming the field.
 */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
