package dev.marketplace.catalog.product;

/**
 * A product rule that field annotations cannot express was broken; reported as a 400 on that field.
 */
public class InvalidProductException extends RuntimeException {

  private final String field;

  public InvalidProductException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
