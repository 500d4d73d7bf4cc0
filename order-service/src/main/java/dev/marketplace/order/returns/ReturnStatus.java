package dev.marketplace.order.returns;

/** Where a return is. REJECTED and REFUNDED are final. */
public enum ReturnStatus {
  /** The shopper asked; the vendor decides. */
  REQUESTED,
  /** The vendor accepts it: the shopper sends the parcel. */
  APPROVED,
  /** Final: the vendor refused it, with a reason. */
  REJECTED,
  /** The vendor has the parcel: the refund (and any restock) is under way. */
  RECEIVED,
  /** Final: the refund was made. */
  REFUNDED;

  /** Still counts against the lines' quantities (only a rejected return frees them). */
  boolean holdsUnits() {
    return this != REJECTED;
  }
}
