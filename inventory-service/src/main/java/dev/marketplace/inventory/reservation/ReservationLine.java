package dev.marketplace.inventory.reservation;

import dev.marketplace.inventory.stock.SkuKey;
import java.util.UUID;

/** Units of one vendor SKU held at one location for an order, and what became of them. */
public final class ReservationLine {

  /** The units' state: held, given back, or gone with a shipment. */
  public enum State {
    HELD,
    RELEASED,
    COMMITTED
  }

  private final SkuKey key;
  private final UUID locationId;
  private final int quantity;
  private State state;
  private int shortfall;

  ReservationLine(SkuKey key, UUID locationId, int quantity, State state, int shortfall) {
    this.key = key;
    this.locationId = locationId;
    this.quantity = quantity;
    this.state = state;
    this.shortfall = shortfall;
  }

  static ReservationLine held(Allocation allocation) {
    return new ReservationLine(
        allocation.key(), allocation.locationId(), allocation.quantity(), State.HELD, 0);
  }

  void release() {
    if (state != State.HELD) {
      throw new IllegalStateException("only held units can be released, these are " + state);
    }
    state = State.RELEASED;
  }

  /**
   * Marks the units shipped.
   *
   * @return whether they were still held (else they had been released and left without a hold)
   */
  boolean commit() {
    if (state == State.COMMITTED) {
      throw new IllegalStateException("these units were committed already");
    }
    boolean wasHeld = state == State.HELD;
    state = State.COMMITTED;
    return wasHeld;
  }

  /** Units a shipment after release could not find free at the location. */
  public void recordShortfall(int units) {
    shortfall = units;
  }

  public SkuKey key() {
    return key;
  }

  public UUID locationId() {
    return locationId;
  }

  public int quantity() {
    return quantity;
  }

  public State state() {
    return state;
  }

  public int shortfall() {
    return shortfall;
  }

  boolean ofVendor(String vendorId) {
    return key.vendorId().equals(vendorId);
  }
}
