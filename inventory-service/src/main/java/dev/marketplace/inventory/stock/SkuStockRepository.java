package dev.marketplace.inventory.stock;

import dev.marketplace.events.inventory.StockAvailabilityChangedV1.Level;
import dev.marketplace.inventory.location.LocationKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores {@link SkuStock}. {@link #lock} is the one way a transaction gets SKUs to
 * change: it locks their {@code sku_stock} rows in one statement, sorted by key, so two
 * transactions that need overlapping SKUs queue up instead of deadlocking, and every {@code
 * stock_level} row is written only by the holder of its SKU's lock.
 */
@Repository
public class SkuStockRepository {

  private static final String LEVELS =
      """
      SELECT s.location_id, s.vendor_id, s.sku, l.kind, s.on_hand, s.reserved, s.version
      FROM stock_level s JOIN location l ON l.id = s.location_id
      WHERE (s.vendor_id, s.sku) IN (SELECT * FROM unnest(?::text[], ?::text[]))
      """;

  private final JdbcClient jdbc;

  SkuStockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Creates the lock rows of SKUs that have none yet. Call it before the transaction that locks
   * them, in its own short transaction: a lock on a row that does not exist yet protects nothing.
   */
  public void ensureExist(Collection<SkuKey> keys) {
    SortedSet<SkuKey> sorted = new TreeSet<>(keys);
    jdbc.sql(
            """
            INSERT INTO sku_stock
              (vendor_id, sku, low_stock_threshold, stock_version, announced_available)
            SELECT v, s, ?, 0, 0 FROM unnest(?::text[], ?::text[]) AS k(v, s)
            ORDER BY v, s
            ON CONFLICT DO NOTHING
            """)
        .params(SkuStock.DEFAULT_LOW_STOCK_THRESHOLD, vendors(sorted), skus(sorted))
        .update();
  }

  /**
   * Locks the SKUs' rows (sorted, in one statement) and loads their stock, as the lock holder sees
   * it. SKUs without a row come back as {@link SkuStock#none}.
   */
  public Map<SkuKey, SkuStock> lock(Collection<SkuKey> keys) {
    SortedSet<SkuKey> sorted = new TreeSet<>(keys);
    Map<SkuKey, SkuRow> rows = new HashMap<>();
    jdbc.sql(
            """
            SELECT * FROM sku_stock
            WHERE (vendor_id, sku) IN (SELECT * FROM unnest(?::text[], ?::text[]))
            ORDER BY vendor_id, sku
            FOR UPDATE
            """)
        .params(vendors(sorted), skus(sorted))
        .query(
            (row, n) ->
                new SkuRow(
                    new SkuKey(row.getString("vendor_id"), row.getString("sku")),
                    row.getInt("low_stock_threshold"),
                    row.getLong("stock_version"),
                    row.getInt("announced_available"),
                    row.getString("announced_level")))
        .list()
        .forEach(row -> rows.put(row.key(), row));
    return assemble(sorted, rows, levels(sorted));
  }

  /** The SKU's stock as last committed, without locking (for reads). */
  public Optional<SkuStock> find(SkuKey key) {
    Optional<SkuRow> row =
        jdbc.sql("SELECT * FROM sku_stock WHERE vendor_id = ? AND sku = ?")
            .params(key.vendorId(), key.sku())
            .query(
                (r, n) ->
                    new SkuRow(
                        key,
                        r.getInt("low_stock_threshold"),
                        r.getLong("stock_version"),
                        r.getInt("announced_available"),
                        r.getString("announced_level")))
            .optional();
    return row.map(
        found ->
            assemble(new TreeSet<>(List.of(key)), Map.of(key, found), levels(List.of(key)))
                .get(key));
  }

  /** One location's stock levels, a page at a time, in SKU order. */
  public List<StockLevelView> atLocation(UUID locationId, int offset, int limit) {
    return jdbc.sql(
            "SELECT location_id, sku, on_hand, reserved, version FROM stock_level"
                + " WHERE location_id = ? ORDER BY sku OFFSET ? LIMIT ?")
        .params(locationId, offset, limit)
        .query(
            (row, n) ->
                new StockLevelView(
                    row.getObject("location_id", UUID.class),
                    row.getString("sku"),
                    row.getInt("on_hand"),
                    row.getInt("reserved"),
                    row.getInt("on_hand") - row.getInt("reserved"),
                    row.getLong("version")))
        .list();
  }

  public long countAtLocation(UUID locationId) {
    return jdbc.sql("SELECT count(*) FROM stock_level WHERE location_id = ?")
        .param(locationId)
        .query(Long.class)
        .single();
  }

  /**
   * Writes what changed. Level updates are conditional on the version read under the lock, which
   * cannot differ while the lock is held; a mismatch means a writer bypassed the lock, and failing
   * loudly is better than a lost update.
   */
  public void save(SkuStock stock, Instant now) {
    if (!stock.changed()) {
      return;
    }
    SkuKey key = stock.key();
    jdbc.sql(
            """
            INSERT INTO sku_stock (vendor_id, sku, low_stock_threshold, stock_version,
                                   announced_available, announced_level)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (vendor_id, sku) DO UPDATE SET
              low_stock_threshold = EXCLUDED.low_stock_threshold,
              stock_version = EXCLUDED.stock_version,
              announced_available = EXCLUDED.announced_available,
              announced_level = EXCLUDED.announced_level
            """)
        .params(
            key.vendorId(),
            key.sku(),
            stock.lowStockThreshold(),
            stock.stockVersion(),
            stock.announcedAvailable(),
            stock.announcedLevel() == null ? null : stock.announcedLevel().name())
        .update();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    for (LocationStock level : stock.levels()) {
      if (level.changed()) {
        write(key, level, at);
      }
    }
    stock.saved();
  }

  private void write(SkuKey key, LocationStock level, OffsetDateTime at) {
    if (!level.stored()) {
      jdbc.sql(
              """
              INSERT INTO stock_level
                (location_id, sku, vendor_id, on_hand, reserved, version, updated_at)
              VALUES (?, ?, ?, ?, ?, 1, ?)
              """)
          .params(
              level.locationId(), key.sku(), key.vendorId(), level.onHand(), level.reserved(), at)
          .update();
      return;
    }
    int updated =
        jdbc.sql(
                """
                UPDATE stock_level SET on_hand = ?, reserved = ?, version = version + 1,
                  updated_at = ?
                WHERE location_id = ? AND sku = ? AND version = ?
                """)
            .params(
                level.onHand(),
                level.reserved(),
                at,
                level.locationId(),
                key.sku(),
                level.version())
            .update();
    if (updated != 1) {
      throw new IllegalStateException(
          "stock of " + key + " at " + level.locationId() + " changed without its SKU lock");
    }
  }

  private Map<SkuKey, List<LocationStock>> levels(Collection<SkuKey> keys) {
    Map<SkuKey, List<LocationStock>> levels = new HashMap<>();
    jdbc.sql(LEVELS)
        .params(vendors(keys), skus(keys))
        .query(
            (row, n) ->
                Map.entry(
                    new SkuKey(row.getString("vendor_id"), row.getString("sku")),
                    LocationStock.stored(
                        row.getObject("location_id", UUID.class),
                        LocationKind.valueOf(row.getString("kind")),
                        row.getInt("on_hand"),
                        row.getInt("reserved"),
                        row.getLong("version"))))
        .list()
        .forEach(
            entry ->
                levels
                    .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                    .add(entry.getValue()));
    return levels;
  }

  private static Map<SkuKey, SkuStock> assemble(
      SortedSet<SkuKey> keys, Map<SkuKey, SkuRow> rows, Map<SkuKey, List<LocationStock>> levels) {
    Map<SkuKey, SkuStock> stock = new TreeMap<>();
    for (SkuKey key : keys) {
      SkuRow row = rows.get(key);
      stock.put(
          key,
          row == null
              ? SkuStock.none(key)
              : new SkuStock(
                  key,
                  row.lowStockThreshold(),
                  row.stockVersion(),
                  row.announcedAvailable(),
                  row.announcedLevel() == null ? null : Level.valueOf(row.announcedLevel()),
                  levels.getOrDefault(key, List.of())));
    }
    return stock;
  }

  private static String[] vendors(Collection<SkuKey> keys) {
    return keys.stream().map(SkuKey::vendorId).toArray(String[]::new);
  }

  private static String[] skus(Collection<SkuKey> keys) {
    return keys.stream().map(SkuKey::sku).toArray(String[]::new);
  }

  private record SkuRow(
      SkuKey key,
      int lowStockThreshold,
      long stockVersion,
      int announcedAvailable,
      @Nullable String announcedLevel) {}
}
