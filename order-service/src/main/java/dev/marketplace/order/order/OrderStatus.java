package dev.marketplace.order.order;

/**
 * Where an order is in its saga. The shopper sees PENDING until it is CONFIRMED or CANCELLED; the
 * steps in between say which participant the order waits for.
 */
public enum OrderStatus {
  /** Waiting for inventory to reserve every line. */
  RESERVING_STOCK,
  /** Stock is held; waiting for payment to authorise the total. */
  AUTHORIZING_PAYMENT,
  /** Stock held and payment authorised: vendors ship their parts. */
  CONFIRMED,
  /** Being undone: waiting for stock to be released (and payment voided, if it was authorised). */
  CANCELLING,
  /** Final: nothing is held or charged; {@code cancelReason} says why. */
  CANCELLED,
  /** Final: every vendor part shipped (or was cancelled). */
  COMPLETED;

  public boolean isFinal() {
    return this == CANCELLED || this == COMPLETED;
  }
}
