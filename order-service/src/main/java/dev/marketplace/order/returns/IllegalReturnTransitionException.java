package dev.marketplace.order.returns;

import dev.marketplace.order.order.IllegalOrderTransitionException;

/** What the return's current state does not allow (approving a rejected one, ...): a 409. */
public class IllegalReturnTransitionException extends IllegalOrderTransitionException {

  IllegalReturnTransitionException(OrderReturn orderReturn, String action) {
    super(
        "Return " + orderReturn.id() + " is " + orderReturn.status() + ": cannot " + action + ".");
  }
}
