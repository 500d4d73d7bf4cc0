package dev.marketplace.catalog.product;

import dev.marketplace.platform.web.InvalidFieldException;

/** A product that breaks a catalog rule; answered as a 400 naming the field. */
public class InvalidProductException extends InvalidFieldException {

  public InvalidProductException(String field, String message) {
    super(field, message);
  }
}
