package dev.marketplace.search.query;

import dev.marketplace.platform.web.FieldError;
import java.util.List;

/** Search parameters that cannot run; reported as a validation problem naming each one. */
class InvalidSearchException extends RuntimeException {

  private final transient List<FieldError> errors;

  InvalidSearchException(List<FieldError> errors) {
    super("invalid search parameters");
    this.errors = List.copyOf(errors);
  }

  List<FieldError> errors() {
    return errors;
  }
}
