package dev.marketplace.order.order;

import dev.marketplace.platform.web.ConflictException;

/** An action the order's current state does not allow (409). */
public class IllegalOrderTransitionException extends ConflictException {

  IllegalOrderTransitionException(Order order, String action) {
    super("Order " + order.id() + " is " + order.status() + ": cannot " + action + ".");
  }
}
