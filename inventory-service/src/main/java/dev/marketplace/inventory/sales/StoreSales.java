package dev.marketplace.inventory.sales;

import dev.marketplace.inventory.catalog.CatalogSkus;
import dev.marketplace.inventory.location.Location;
import dev.marketplace.inventory.location.Locations;
import dev.marketplace.inventory.stock.SkuKey;
import dev.marketplace.inventory.stock.SkuStockRepository;
import dev.marketplace.inventory.stock.StockUpdates;
import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.InvalidFieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a store's till sales to its stock, each sale once, so online and in-store selling draw on
 * one stock. A batch is all or nothing: recorded sales and their stock change commit together.
 *
 * <p>A sale is a fact: the goods have left. It is never refused for lack of stock; it takes the
 * store's free units, and units sold beyond them are recorded as the sale's shortfall (the system
 * knew of fewer units than the store had) instead of being taken from units held for online orders,
 * which are set aside for customers who have paid. A stock count (setting the level) resolves it.
 */
@Service
public class StoreSales {

  /** Tills' clocks drift; a sale stamped a little in the future is still plausible. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** A till that was offline for a while still sends its sales; a year is beyond any outage. */
  private static final Duration MAX_AGE = Duration.ofDays(366);

  private static final Logger log = LoggerFactory.getLogger(StoreSales.class);

  private final Locations locations;
  private final CatalogSkus catalog;
  private final SkuStockRepository stockRepository;
  private final StockUpdates updates;
  private final SaleRepository sales;
  private final TransactionTemplate transaction;
  private final Clock clock;

  StoreSales(
      Locations locations,
      CatalogSkus catalog,
      SkuStockRepository stockRepository,
      StockUpdates updates,
      SaleRepository sales,
      TransactionTemplate transaction,
      Clock clock) {
    this.locations = locations;
    this.catalog = catalog;
    this.stockRepository = stockRepository;
    this.updates = updates;
    this.sales = sales;
    this.transaction = transaction;
    this.clock = clock;
  }

  public List<SaleOutcome> record(String vendorId, UUID locationId, List<StoreSale> batch) {
    Location store = locations.own(vendorId, locationId);
    if (!store.isStore()) {
      throw new ConflictException(
          "Location " + locationId + " is a warehouse; till sales are recorded at stores.");
    }
    validate(vendorId, batch);
    List<SkuKey> keys =
        batch.stream().map(sale -> new SkuKey(vendorId, sale.sku())).distinct().toList();
    stockRepository.ensureExist(keys);
    return transaction.execute(
        status ->
            updates.apply(
                keys,
                stock -> {
                  Instant now = clock.instant();
                  List<SaleOutcome> outcomes = new ArrayList<>(batch.size());
                  for (StoreSale sale : batch) {
                    if (sales.insertIfNew(store.id(), sale, now)) {
                      int shortfall =
                          stock
                              .get(new SkuKey(vendorId, sale.sku()))
                              .at(store.id(), store.kind())
                              .recordDeparture(sale.quantity());
                      if (shortfall > 0) {
                        sales.recordShortfall(store.id(), sale.saleId(), shortfall);
                        log.warn(
                            "sale {} at {} sold {} units of {} the system did not know of",
                            sale.saleId(),
                            store.id(),
                            shortfall,
                            sale.sku());
                      }
                      outcomes.add(
                          new SaleOutcome(sale.saleId(), SaleOutcome.Status.RECORDED, shortfall));
                    } else {
                      outcomes.add(earlier(store.id(), sale));
                    }
                  }
                  return outcomes;
                }));
  }

  private SaleOutcome earlier(UUID storeId, StoreSale sale) {
    SaleRepository.Recorded recorded = sales.find(storeId, sale.saleId()).orElseThrow();
    if (!recorded.sale().sameAs(sale)) {
      throw new ConflictException(
          "Sale "
              + sale.saleId()
              + " was recorded before with another SKU or quantity; a sale id names one sale.");
    }
    return new SaleOutcome(
        sale.saleId(), SaleOutcome.Status.ALREADY_RECORDED, recorded.shortfall());
  }

  private void validate(String vendorId, List<StoreSale> batch) {
    Set<String> ids = new HashSet<>();
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    Instant earliest = clock.instant().minus(MAX_AGE);
    Set<String> unknown =
        catalog.unknown(vendorId, batch.stream().map(StoreSale::sku).distinct().toList());
    for (int i = 0; i < batch.size(); i++) {
      StoreSale sale = batch.get(i);
      if (!ids.add(sale.saleId())) {
        throw new InvalidFieldException(
            "sales[" + i + "].saleId", "appears more than once in this batch");
      }
      if (unknown.contains(sale.sku())) {
        throw new InvalidFieldException(
            "sales[" + i + "].sku", "is not a SKU of any of your products");
      }
      if (sale.soldAt().isAfter(latest)) {
        throw new InvalidFieldException("sales[" + i + "].soldAt", "is in the future");
      }
      if (sale.soldAt().isBefore(earliest)) {
        throw new InvalidFieldException(
            "sales[" + i + "].soldAt",
            "is more than a year ago; correct old stock with an adjustment instead");
      }
    }
  }
}
