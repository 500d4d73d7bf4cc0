package dev.marketplace.order.shipping;

import dev.marketplace.order.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Vendors' shipping rates. A vendor replaces its whole table at once. */
@Repository
public class ShippingRates {

  private final JdbcClient jdbc;

  ShippingRates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<ShippingRate> ofVendor(String vendorId) {
    return jdbc.sql("SELECT * FROM shipping_rate WHERE vendor_id = ? ORDER BY country, currency")
        .param(vendorId)
        .query(ShippingRates::rate)
        .list();
  }

  @Transactional
  public void replace(String vendorId, List<ShippingRate> rates, Instant now) {
    jdbc.sql("DELETE FROM shipping_rate WHERE vendor_id = ?").param(vendorId).update();
    for (ShippingRate rate : rates) {
      jdbc.sql(
              "INSERT INTO shipping_rate (vendor_id, country, currency, price_minor,"
                  + " free_from_minor, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              vendorId,
              rate.country(),
              rate.currency(),
              rate.price().amountMinor(),
              rate.freeFrom() == null ? null : rate.freeFrom().amountMinor(),
              Timestamp.from(now))
          .update();
    }
  }

  /** Each vendor's rate to the country in the currency, for the vendors that have one. */
  public Map<String, ShippingRate> to(
      Collection<String> vendorIds, String country, String currency) {
    if (vendorIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            "SELECT * FROM shipping_rate WHERE vendor_id = ANY(?) AND country = ? AND currency = ?")
        .params(vendorIds.toArray(String[]::new), country, currency)
        .query((rs, n) -> Map.entry(rs.getString("vendor_id"), rate(rs, n)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static ShippingRate rate(ResultSet rs, int row) throws SQLException {
    String currency = rs.getString("currency");
    long freeFrom = rs.getLong("free_from_minor");
    return new ShippingRate(
        rs.getString("country"),
        new Money(rs.getLong("price_minor"), currency),
        rs.wasNull() ? null : new Money(freeFrom, currency));
  }
}
