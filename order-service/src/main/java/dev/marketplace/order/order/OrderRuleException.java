package dev.marketplace.order.order;

/**
 * A request names something the order's rules do not allow (a line, a shipment, a return's
 * quantity): a 400 naming the field.
 */
public class OrderRuleException extends RuntimeException {

  private final String field;

  protected OrderRuleException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
