package dev.marketplace.order.returns;

import dev.marketplace.order.order.OrderRuleException;

/** A return names lines or quantities the return rules do not allow: a 400 naming the field. */
public class ReturnRuleException extends OrderRuleException {

  ReturnRuleException(String field, String message) {
    super(field, message);
  }
}
