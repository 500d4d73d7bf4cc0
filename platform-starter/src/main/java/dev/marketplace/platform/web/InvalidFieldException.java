package dev.marketplace.platform.web;

import java.util.List;

/**
 * Request fields broke rules that bean validation cannot express (they need domain state, or
 * several fields together): answered as a 400 validation problem naming each field.
 */
public class InvalidFieldException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidFieldException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public InvalidFieldException(List<FieldError> errors) {
    super(errors.isEmpty() ? "invalid request" : errors.getFirst().message());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid request names at least one field");
    }
    this.errors = List.copyOf(errors);
  }

  public String field() {
    return errors.getFirst().field();
  }

  public List<FieldError> errors() {
    return errors;
  }
}
