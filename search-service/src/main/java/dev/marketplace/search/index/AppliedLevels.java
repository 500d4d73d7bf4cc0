package dev.marketplace.search.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * The stock level this instance last applied to the stock index and the products, per vendor SKU.
 * Inventory announces every change of a SKU's available quantity, but search shows only its level:
 * a reservation that takes one unit of a thousand changes nothing a shopper can see, yet applying
 * it costs the engine a refresh, a search and a scripted update. With this memory such an event is
 * skipped, and only a change of level (or a SKU not seen yet) is written.
 *
 * <p>What it remembers was written to both indices, so skipping is safe as long as nobody else
 * wrote the same SKUs since. That holds while this instance owns the SKU's partition; {@link
 * #forgetAll()} is called when partitions are assigned, and a restart starts empty. Forgetting
 * costs only writes that change nothing. The stock index therefore holds, per SKU, the level and
 * version of its last change of level (or a newer announcement a rebuild replayed); its quantity is
 * not kept current, and nothing reads it.
 */
final class AppliedLevels {

  private final Cache<String, StockDocument> applied;

  AppliedLevels(long maximumSize) {
    this.applied = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  /**
   * Whether applying this stock could change what search holds: its level differs from the one last
   * applied, or none is remembered. An event at or below the applied version is old or repeated, so
   * it changes nothing either.
   */
  boolean changes(StockDocument stock) {
    StockDocument last = applied.getIfPresent(stock.key());
    return last == null
        || (stock.stockVersion() > last.stockVersion() && !stock.level().equals(last.level()));
  }

  /** What writes stock to the stock index and the products. */
  @FunctionalInterface
  interface Writer {
    void write(List<StockDocument> changes) throws IOException;
  }

  /**
   * Hands {@code writer} the stock that {@link #changes changes} something and remembers it once
   * written. If the writer fails, those SKUs are forgotten: part of it may be written (the stock
   * index, some products), and if the batch is then given up (dead-lettered), the next event at the
   * old level must be written to repair it, not skipped.
   *
   * @return how many were skipped
   */
  int write(Collection<StockDocument> stock, Writer writer) throws IOException {
    List<StockDocument> changes = stock.stream().filter(this::changes).toList();
    try {
      writer.write(changes);
    } catch (IOException | RuntimeException e) {
      changes.forEach(change -> applied.invalidate(change.key()));
      throw e;
    }
    changes.forEach(this::applied);
    return stock.size() - changes.size();
  }

  /** Records stock that is now written to the stock index and applied to the products. */
  void applied(StockDocument stock) {
    applied
        .asMap()
        .merge(
            stock.key(), stock, (old, now) -> now.stockVersion() > old.stockVersion() ? now : old);
  }

  void forgetAll() {
    applied.invalidateAll();
  }
}
