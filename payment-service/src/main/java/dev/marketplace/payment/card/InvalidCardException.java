package dev.marketplace.payment.card;

import java.util.List;
import java.util.stream.Collectors;

/** Card details that cannot be tokenised; each error names a field and never holds its value. */
public class InvalidCardException extends RuntimeException {

  private final List<CardFieldError> errors;

  public InvalidCardException(List<CardFieldError> errors) {
    super(
        "invalid card fields: "
            + errors.stream().map(CardFieldError::field).collect(Collectors.joining(", ")),
        null,
        false,
        false);
    this.errors = List.copyOf(errors);
  }

  public List<CardFieldError> errors() {
    return errors;
  }
}
