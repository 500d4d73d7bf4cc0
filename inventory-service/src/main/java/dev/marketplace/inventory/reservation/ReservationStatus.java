package dev.marketplace.inventory.reservation;

/** Where an order's reservation stands. */
public enum ReservationStatus {
  /** Units are held (some vendors may have committed their part already). */
  HELD,
  /** Nothing was held: some line could not be served. */
  FAILED,
  /** Whatever was held is free again (released, or expired). */
  RELEASED,
  /** Every vendor shipped its part. */
  COMMITTED
}
