package dev.marketplace.order.order;

import dev.marketplace.platform.domain.BusinessRuleException;

/**
 * A request names something the order's rules do not allow (a line, a shipment, a return's
 * quantity): a 400 naming the field.
 */
public class OrderRuleException extends BusinessRuleException {

  protected OrderRuleException(String field, String message) {
    super(field, message);
  }
}
