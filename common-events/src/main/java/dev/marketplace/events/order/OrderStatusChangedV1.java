package dev.marketplace.events.order;

import dev.marketplace.events.Event;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order moved in its life cycle (compacted by order id; {@code orderVersion} orders updates).
 */
public record OrderStatusChangedV1(
    String orderId,
    String customerId,
    String status,
    @Nullable String reason,
    long totalMinor,
    String currency,
    long orderVersion,
    Instant changedAt)
    implements Event {

  @Override
  public String key() {
    return orderId;
  }
}
