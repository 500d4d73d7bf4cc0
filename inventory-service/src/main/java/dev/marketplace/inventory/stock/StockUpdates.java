package dev.marketplace.inventory.stock;

import dev.marketplace.platform.outbox.Outbox;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The unit of work for stock: lock the SKUs, let the caller change them, store what changed and
 * announce every change of availability through the outbox, all in the caller's transaction. A
 * transaction calls it once, with every SKU it needs, so that all its locks are taken in one sorted
 * statement (two calls could lock in an order another transaction reverses).
 */
@Component
public class StockUpdates {

  private final SkuStockRepository repository;
  private final Outbox outbox;
  private final Clock clock;

  StockUpdates(SkuStockRepository repository, Outbox outbox, Clock clock) {
    this.repository = repository;
    this.outbox = outbox;
    this.clock = clock;
  }

  public <T> T apply(Collection<SkuKey> keys, Function<Map<SkuKey, SkuStock>, T> change) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("stock changes must run inside a transaction");
    }
    Map<SkuKey, SkuStock> stock = repository.lock(keys);
    T result = change.apply(stock);
    for (SkuStock sku : stock.values()) {
      sku.announce();
      outbox.publish(sku.takeRecorded());
      repository.save(sku, clock.instant());
    }
    return result;
  }
}
