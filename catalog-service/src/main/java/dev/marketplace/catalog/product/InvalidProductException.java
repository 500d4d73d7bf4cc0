package dev.marketplace.catalog.product;

import dev.marketplace.platform.domain.BusinessRuleException;

/** A product that breaks a catalog rule; answered as a 400 naming the field. */
public class InvalidProductException extends BusinessRuleException {

  public InvalidProductException(String field, String message) {
    super(field, message);
  }
}
