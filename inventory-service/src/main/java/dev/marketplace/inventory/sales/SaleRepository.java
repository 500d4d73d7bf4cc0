package dev.marketplace.inventory.sales;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SaleRepository {

  private final JdbcClient jdbc;

  SaleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a sale unless the store already has one with its id. A copy of the same sale being
   * recorded concurrently waits for that transaction and then finds it.
   *
   * @return true when this call recorded it
   */
  boolean insertIfNew(UUID locationId, StoreSale sale, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO store_sale
                  (location_id, sale_id, sku, quantity, sold_at, shortfall, recorded_at)
                VALUES (?, ?, ?, ?, ?, 0, ?)
                ON CONFLICT DO NOTHING
                """)
            .params(
                locationId,
                sale.saleId(),
                sale.sku(),
                sale.quantity(),
                OffsetDateTime.ofInstant(sale.soldAt(), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .update()
        == 1;
  }

  void recordShortfall(UUID locationId, String saleId, int shortfall) {
    jdbc.sql("UPDATE store_sale SET shortfall = ? WHERE location_id = ? AND sale_id = ?")
        .params(shortfall, locationId, saleId)
        .update();
  }

  Optional<Recorded> find(UUID locationId, String saleId) {
    return jdbc.sql(
            "SELECT sale_id, sku, quantity, sold_at, shortfall FROM store_sale"
                + " WHERE location_id = ? AND sale_id = ?")
        .params(locationId, saleId)
        .query(
            (row, n) ->
                new Recorded(
                    new StoreSale(
                        row.getString("sale_id"),
                        row.getString("sku"),
                        row.getInt("quantity"),
                        row.getObject("sold_at", OffsetDateTime.class).toInstant()),
                    row.getInt("shortfall")))
        .optional();
  }

  record Recorded(StoreSale sale, int shortfall) {}
}
