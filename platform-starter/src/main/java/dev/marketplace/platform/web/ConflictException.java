package dev.marketplace.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * The request conflicts with the resource's current state, e.g. an illegal status change, or with
 * another resource, e.g. a name already taken (409, naming the field when there is one).
 */
public class ConflictException extends RuntimeException {

  private final @Nullable String field;

  public ConflictException(String message) {
    this(null, message);
  }

  public ConflictException(@Nullable String field, String message) {
    super(message);
    this.field = field;
  }

  public @Nullable String field() {
    return field;
  }
}
