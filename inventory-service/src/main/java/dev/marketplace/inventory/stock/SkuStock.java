package dev.marketplace.inventory.stock;

import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Recorded;
import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1.Level;
import dev.marketplace.inventory.location.LocationKind;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * All stock of one vendor SKU: its level at each of the vendor's locations, the vendor's low-stock
 * threshold, and what was last announced about its availability. Every change of the SKU's stock
 * goes through this aggregate while its row is locked, so the sum over locations, and the version
 * of each announcement, are always consistent.
 *
 * <p>The availability event is the contract's record; it is a plain value, and building it here
 * keeps "what changed, at which version" in one place.
 */
public final class SkuStock {

  public static final int DEFAULT_LOW_STOCK_THRESHOLD = 5;

  /** Same bound as on hand: a threshold above any possible quantity is meaningless. */
  public static final int MAX_LOW_STOCK_THRESHOLD = LocationStock.MAX_ON_HAND;

  private final SkuKey key;
  private int lowStockThreshold;
  private long stockVersion;
  private int announcedAvailable;
  private @Nullable Level announcedLevel;
  private final SortedMap<UUID, LocationStock> levels = new TreeMap<>();
  private boolean settingsChanged;
  private final Recorded<Outgoing> recorded = new Recorded<>();

  SkuStock(
      SkuKey key,
      int lowStockThreshold,
      long stockVersion,
      int announcedAvailable,
      @Nullable Level announcedLevel,
      Collection<LocationStock> levels) {
    this.key = key;
    this.lowStockThreshold = lowStockThreshold;
    this.stockVersion = stockVersion;
    this.announcedAvailable = announcedAvailable;
    this.announcedLevel = announcedLevel;
    levels.forEach(level -> this.levels.put(level.locationId(), level));
  }

  /** A SKU without any stock yet. */
  public static SkuStock none(SkuKey key) {
    return new SkuStock(key, DEFAULT_LOW_STOCK_THRESHOLD, 0, 0, null, List.of());
  }

  /** The SKU's stock at a location, starting from nothing if the location never held it. */
  public LocationStock at(UUID locationId, LocationKind kind) {
    return levels.computeIfAbsent(locationId, id -> LocationStock.empty(id, kind));
  }

  /** Holds free units at a location for an order (the allocation checked they are free). */
  public void reserve(UUID locationId, int quantity) {
    stocked(locationId).reserve(quantity);
  }

  /** Gives units held at a location back to free stock. */
  public void release(UUID locationId, int quantity) {
    stocked(locationId).release(quantity);
  }

  /** Units held at a location leave for good (shipped). */
  public void commit(UUID locationId, int quantity) {
    stocked(locationId).commit(quantity);
  }

  /**
   * Units left a location without being held (see {@link LocationStock#recordDeparture}).
   *
   * @return the shortfall
   */
  public int recordDeparture(UUID locationId, int quantity) {
    return stocked(locationId).recordDeparture(quantity);
  }

  public Optional<LocationStock> find(UUID locationId) {
    return Optional.ofNullable(levels.get(locationId));
  }

  public Collection<LocationStock> levels() {
    return Collections.unmodifiableCollection(levels.values());
  }

  /** Units that can be sold now, over all the vendor's locations. */
  public int available() {
    return levels.values().stream().mapToInt(LocationStock::free).sum();
  }

  public int onHand() {
    return levels.values().stream().mapToInt(LocationStock::onHand).sum();
  }

  public int reserved() {
    return levels.values().stream().mapToInt(LocationStock::reserved).sum();
  }

  /** What shoppers are told: low stock is at or below the vendor's threshold. */
  public Level level() {
    int available = available();
    if (available == 0) {
      return Level.OUT_OF_STOCK;
    }
    return available <= lowStockThreshold ? Level.LOW_STOCK : Level.IN_STOCK;
  }

  public void changeLowStockThreshold(int threshold) {
    if (threshold < 0 || threshold > MAX_LOW_STOCK_THRESHOLD) {
      throw new IllegalArgumentException(
          "threshold must be within 0.." + MAX_LOW_STOCK_THRESHOLD + ", was " + threshold);
    }
    if (threshold != lowStockThreshold) {
      lowStockThreshold = threshold;
      settingsChanged = true;
    }
  }

  /**
   * Records the announcement this change calls for: when the available quantity or its level
   * differs from the last announcement, the next stock version with the new state. Versions only
   * grow, so a consumer that keeps the highest one ends with the newest state, whatever order the
   * events arrive in.
   *
   * <p>Called once when a unit of work's changes are done, not by each transition: levels also
   * change through {@link #at} without passing here, and one announcement of the net result keeps a
   * transaction that reserves and releases from announcing states nobody could see.
   */
  public void announce() {
    if (!changed()) {
      return;
    }
    int available = available();
    Level level = level();
    if (available == announcedAvailable && level == announcedLevel) {
      return;
    }
    stockVersion++;
    announcedAvailable = available;
    announcedLevel = level;
    recorded.add(
        new Outgoing(
            Topics.INVENTORY_AVAILABILITY,
            new StockAvailabilityChangedV1(
                key.sku(), key.vendorId(), available, level, stockVersion)));
  }

  /** The announcements recorded since the last take, oldest first, for the outbox. */
  public List<Outgoing> takeRecorded() {
    return recorded.take();
  }

  private LocationStock stocked(UUID locationId) {
    LocationStock level = levels.get(locationId);
    if (level == null) {
      throw new IllegalStateException(key + " has no stock at " + locationId);
    }
    return level;
  }

  public boolean changed() {
    return settingsChanged || levels.values().stream().anyMatch(LocationStock::changed);
  }

  public SkuKey key() {
    return key;
  }

  public int lowStockThreshold() {
    return lowStockThreshold;
  }

  public long stockVersion() {
    return stockVersion;
  }

  int announcedAvailable() {
    return announcedAvailable;
  }

  @Nullable Level announcedLevel() {
    return announcedLevel;
  }

  /** The store wrote this state. */
  void saved() {
    settingsChanged = false;
    levels.values().forEach(LocationStock::saved);
  }
}
