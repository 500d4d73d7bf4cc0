package dev.marketplace.order.order;

/** An action the order's current state does not allow: a 409. */
public class IllegalOrderTransitionException extends RuntimeException {

  IllegalOrderTransitionException(Order order, String action) {
    super("Order " + order.id() + " is " + order.status() + ": cannot " + action + ".");
  }
}
