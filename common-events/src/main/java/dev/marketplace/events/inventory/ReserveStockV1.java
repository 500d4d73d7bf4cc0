package dev.marketplace.events.inventory;

import dev.marketplace.events.Event;
import java.time.Instant;
import java.util.List;

/**
 * Command (order-service → inventory): hold these lines for the order, all or none, until {@code
 * expiresAt} unless committed or released first. Idempotent per order.
 */
public record ReserveStockV1(String orderId, List<StockLine> lines, Instant expiresAt)
    implements Event {

  public ReserveStockV1 {
    lines = List.copyOf(lines);
  }

  @Override
  public String key() {
    return orderId;
  }
}
