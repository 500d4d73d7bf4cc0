package dev.marketplace.inventory.stock;

import dev.marketplace.inventory.catalog.CatalogSkus;
import dev.marketplace.inventory.idempotency.IdempotentRequests;
import dev.marketplace.inventory.location.Location;
import dev.marketplace.inventory.location.Locations;
import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.NotFoundException;
import dev.marketplace.platform.web.PageResponse;
import dev.marketplace.platform.web.PreconditionFailedException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a vendor does to its stock: read it, set a counted level, adjust by a delta, set the
 * low-stock threshold. Only its own locations (others are 404) and SKUs of its own products.
 */
@Service
public class VendorStock {

  private final Locations locations;
  private final CatalogSkus catalog;
  private final SkuStockRepository repository;
  private final StockUpdates updates;
  private final IdempotentRequests idempotency;
  private final TransactionTemplate transaction;

  VendorStock(
      Locations locations,
      CatalogSkus catalog,
      SkuStockRepository repository,
      StockUpdates updates,
      IdempotentRequests idempotency,
      TransactionTemplate transaction) {
    this.locations = locations;
    this.catalog = catalog;
    this.repository = repository;
    this.updates = updates;
    this.idempotency = idempotency;
    this.transaction = transaction;
  }

  public PageResponse<StockLevelView> atLocation(
      String vendorId, UUID locationId, int page, int size) {
    Location location = locations.own(vendorId, locationId);
    return PageResponse.of(
        repository.atLocation(location.id(), page * size, size),
        page,
        size,
        repository.countAtLocation(location.id()));
  }

  /** The level at a location; a SKU of the vendor's that was never stocked there reads as 0. */
  public StockLevelView level(String vendorId, UUID locationId, String sku) {
    Location location = locations.own(vendorId, locationId);
    SkuKey key = new SkuKey(vendorId, sku);
    Optional<LocationStock> level =
        repository.find(key).flatMap(stock -> stock.find(location.id()));
    if (level.isEmpty() && !catalog.isVendorSku(vendorId, sku)) {
      throw new NotFoundException("No SKU " + sku + " among your products.");
    }
    return StockLevelView.of(
        location.id(),
        sku,
        level.orElseGet(() -> LocationStock.empty(location.id(), location.kind())));
  }

  /** Sets on hand to a counted quantity, if {@code expectedVersion} (If-Match) is current. */
  public StockLevelView set(
      String vendorId, UUID locationId, String sku, int onHand, long expectedVersion) {
    Location location = locations.own(vendorId, locationId);
    SkuKey key = knownSku(vendorId, sku);
    repository.ensureExist(List.of(key));
    return transaction.execute(
        status ->
            changeLevel(
                location,
                key,
                level -> obeying(() -> level.setOnHand(onHand, expectedVersion), "onHand")));
  }

  /**
   * Adds {@code delta} units (negative removes), once per Idempotency-Key: a retry gets the first
   * answer again.
   */
  public Answer<StockLevelView> adjust(
      String vendorId, UUID locationId, String sku, int delta, String idempotencyKey) {
    Location location = locations.own(vendorId, locationId);
    SkuKey key = knownSku(vendorId, sku);
    String fingerprint = "adjust " + location.id() + " " + sku + " " + delta;
    repository.ensureExist(List.of(key));
    return transaction.execute(
        status -> {
          Optional<StockLevelView> earlier =
              idempotency.claim(vendorId, idempotencyKey, fingerprint, StockLevelView.class);
          if (earlier.isPresent()) {
            return new Answer<>(earlier.get(), true);
          }
          StockLevelView view =
              changeLevel(location, key, level -> obeying(() -> level.adjust(delta), "delta"));
          idempotency.complete(vendorId, idempotencyKey, view);
          return new Answer<>(view, false);
        });
  }

  public SkuStockView sku(String vendorId, String sku) {
    SkuKey key = new SkuKey(vendorId, sku);
    Optional<SkuStock> stock = repository.find(key);
    if (stock.isEmpty() && !catalog.isVendorSku(vendorId, sku)) {
      throw new NotFoundException("No SKU " + sku + " among your products.");
    }
    return SkuStockView.of(stock.orElseGet(() -> SkuStock.none(key)));
  }

  /** Sets the quantity at or below which shoppers see "low stock". */
  public SkuStockView changeLowStockThreshold(String vendorId, String sku, int threshold) {
    SkuKey key = knownSku(vendorId, sku);
    repository.ensureExist(List.of(key));
    return transaction.execute(
        status ->
            updates.apply(
                List.of(key),
                stock -> {
                  stock.get(key).changeLowStockThreshold(threshold);
                  return SkuStockView.of(stock.get(key));
                }));
  }

  /** Locks the SKU, changes its level at the location, stores and announces it. */
  private StockLevelView changeLevel(
      Location location, SkuKey key, Consumer<LocationStock> change) {
    LocationStock level =
        updates.apply(
            List.of(key),
            stock -> {
              LocationStock at = stock.get(key).at(location.id(), location.kind());
              change.accept(at);
              return at;
            });
    return StockLevelView.of(location.id(), key.sku(), level);
  }

  private SkuKey knownSku(String vendorId, String sku) {
    if (!catalog.isVendorSku(vendorId, sku)) {
      throw new InvalidFieldException("sku", "is not a SKU of any of your products");
    }
    return new SkuKey(vendorId, sku);
  }

  /** Translates a broken stock rule into the answer the API gives for it. */
  private static void obeying(Runnable change, String field) {
    try {
      change.run();
    } catch (StockRuleException e) {
      throw switch (e.rule()) {
        case ABOVE_MAXIMUM -> new InvalidFieldException(field, e.getMessage());
        case BELOW_RESERVED -> new ConflictException(e.getMessage());
        case STALE_VERSION -> new PreconditionFailedException(e.getMessage());
      };
    }
  }

  /** A result and whether it was replayed from an earlier request with the same Idempotency-Key. */
  public record Answer<T>(T value, boolean replayed) {}
}
