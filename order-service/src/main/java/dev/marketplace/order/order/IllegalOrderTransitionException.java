package dev.marketplace.order.order;

import dev.marketplace.platform.domain.IllegalTransitionException;

/** An action the order's (or its return's) current state does not allow: a 409. */
public class IllegalOrderTransitionException extends IllegalTransitionException {

  IllegalOrderTransitionException(Order order, String action) {
    this("Order " + order.id() + " is " + order.status() + ": cannot " + action + ".");
  }

  protected IllegalOrderTransitionException(String message) {
    super(message);
  }
}
