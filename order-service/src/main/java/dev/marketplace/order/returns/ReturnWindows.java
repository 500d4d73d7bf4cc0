package dev.marketplace.order.returns;

import dev.marketplace.order.config.OrderProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How long after delivery each vendor takes returns (the marketplace's default otherwise). */
@Repository
public class ReturnWindows {

  private final JdbcClient jdbc;
  private final Duration defaultWindow;

  ReturnWindows(JdbcClient jdbc, OrderProperties properties) {
    this.jdbc = jdbc;
    this.defaultWindow = properties.returns().defaultWindow();
  }

  public Duration of(String vendorId) {
    return jdbc.sql("SELECT window_days FROM vendor_return_policy WHERE vendor_id = ?")
        .param(vendorId)
        .query(Integer.class)
        .optional()
        .map(Duration::ofDays)
        .orElse(defaultWindow);
  }

  public void set(String vendorId, int days, Instant now) {
    jdbc.sql(
            "INSERT INTO vendor_return_policy (vendor_id, window_days, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (vendor_id) DO UPDATE SET window_days = EXCLUDED.window_days,"
                + " updated_at = EXCLUDED.updated_at")
        .params(vendorId, days, Timestamp.from(now))
        .update();
  }
}
