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
  /** Some lines shipped, others still await shipment. */
  PARTLY_SHIPPED,
  /** Every line shipped (or cancelled by its vendor); some parcels are still on their way. */
  SHIPPED,
  /** Final: every parcel was delivered. */
  DELIVERED,
  /** Being undone: waiting for stock to be released (and payment voided, if it was authorised). */
  CANCELLING,
  /** Final: nothing is held or charged; {@code cancelReason} says why. */
  CANCELLED,
  /** Final: every vendor part shipped, before shipments and deliveries were tracked. */
  COMPLETED;

  public boolean isFinal() {
    return this == CANCELLED || this == COMPLETED || this == DELIVERED;
  }
}
