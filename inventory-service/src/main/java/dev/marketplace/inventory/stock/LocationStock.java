package dev.marketplace.inventory.stock;

import dev.marketplace.inventory.location.LocationKind;
import java.util.UUID;

/**
 * Units of one SKU at one location: on hand (physically there, as far as the system knows) and
 * reserved (part of on hand, held for orders). {@code 0 <= reserved <= onHand} always holds, so the
 * free quantity never goes negative; the database checks the same rule.
 */
public final class LocationStock {

  /** Upper bound of on hand at one location: far above any real shelf, far below int overflow. */
  public static final int MAX_ON_HAND = 1_000_000;

  private final UUID locationId;
  private final LocationKind kind;
  private int onHand;
  private int reserved;
  private long version;
  private boolean stored;
  private boolean changed;

  private LocationStock(
      UUID locationId, LocationKind kind, int onHand, int reserved, long version, boolean stored) {
    this.locationId = locationId;
    this.kind = kind;
    this.onHand = onHand;
    this.reserved = reserved;
    this.version = version;
    this.stored = stored;
  }

  /** A location that has never held this SKU: nothing on hand, version 0. */
  static LocationStock empty(UUID locationId, LocationKind kind) {
    return new LocationStock(locationId, kind, 0, 0, 0, false);
  }

  static LocationStock stored(
      UUID locationId, LocationKind kind, int onHand, int reserved, long version) {
    if (reserved < 0 || reserved > onHand) {
      throw new IllegalArgumentException("reserved must be within 0.." + onHand);
    }
    return new LocationStock(locationId, kind, onHand, reserved, version, true);
  }

  /**
   * Sets on hand to a counted quantity, if {@code expectedVersion} is still current (the vendor
   * counted what it last read, not a newer state).
   */
  public void setOnHand(int quantity, long expectedVersion) {
    if (expectedVersion != version) {
      throw new StockRuleException(
          StockRuleException.Rule.STALE_VERSION,
          "The stock level is at version " + version + ", not " + expectedVersion + ".");
    }
    changeOnHandTo(quantity);
  }

  /** Adds (or, negative, removes) units, e.g. a delivery or a write-off. */
  public void adjust(int delta) {
    long target = (long) onHand + delta;
    if (target < 0) {
      throw new StockRuleException(
          StockRuleException.Rule.BELOW_RESERVED,
          "Only " + onHand + " on hand here; " + -(long) delta + " cannot be removed.");
    }
    if (target > MAX_ON_HAND) {
      throw new StockRuleException(
          StockRuleException.Rule.ABOVE_MAXIMUM,
          "On hand would be " + target + "; at most " + MAX_ON_HAND + " fit one location.");
    }
    changeOnHandTo((int) target);
  }

  /**
   * Records units that physically left (a till sale, or a shipment the system no longer held). It
   * happened, so it is never refused: it takes the free units, and whatever exceeds them is
   * returned as a shortfall (the system knew of fewer units than there were) rather than taken from
   * units held for online orders.
   *
   * @return the shortfall, 0 when the free units covered it
   */
  public int recordDeparture(int quantity) {
    requirePositive(quantity);
    int taken = Math.min(quantity, free());
    if (taken > 0) {
      onHand -= taken;
      changed = true;
    }
    return quantity - taken;
  }

  /** Holds free units for an order. */
  void reserve(int quantity) {
    requirePositive(quantity);
    if (quantity > free()) {
      throw new IllegalStateException(
          "cannot reserve " + quantity + " at " + locationId + ": only " + free() + " free");
    }
    reserved += quantity;
    changed = true;
  }

  /** Gives held units back to free stock. */
  void release(int quantity) {
    requireHeld(quantity);
    reserved -= quantity;
    changed = true;
  }

  /** Held units leave for good (shipped). */
  void commit(int quantity) {
    requireHeld(quantity);
    reserved -= quantity;
    onHand -= quantity;
    changed = true;
  }

  private void changeOnHandTo(int quantity) {
    if (quantity > MAX_ON_HAND) {
      throw new StockRuleException(
          StockRuleException.Rule.ABOVE_MAXIMUM,
          "On hand would be " + quantity + "; at most " + MAX_ON_HAND + " fit one location.");
    }
    if (quantity < reserved) {
      throw new StockRuleException(
          StockRuleException.Rule.BELOW_RESERVED,
          "On hand would be "
              + quantity
              + ", but "
              + reserved
              + " units here are held for orders; on hand can go no lower.");
    }
    if (quantity != onHand) {
      onHand = quantity;
      changed = true;
    }
  }

  private void requireHeld(int quantity) {
    requirePositive(quantity);
    if (quantity > reserved) {
      throw new IllegalStateException(
          "cannot give back " + quantity + " at " + locationId + ": only " + reserved + " held");
    }
  }

  private static void requirePositive(int quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive, was " + quantity);
    }
  }

  public UUID locationId() {
    return locationId;
  }

  public LocationKind kind() {
    return kind;
  }

  public int onHand() {
    return onHand;
  }

  public int reserved() {
    return reserved;
  }

  public int free() {
    return onHand - reserved;
  }

  public long version() {
    return version;
  }

  boolean stored() {
    return stored;
  }

  boolean changed() {
    return changed;
  }

  /** The store wrote this state: it is now the current version. */
  void saved() {
    if (changed) {
      version++;
      stored = true;
      changed = false;
    }
  }
}
