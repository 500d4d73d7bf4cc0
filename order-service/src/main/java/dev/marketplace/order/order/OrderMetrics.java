package dev.marketplace.order.order;

import dev.marketplace.platform.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Orders by the status they reached ({@code marketplace_orders_total{status}}): placed
 * (RESERVING_STOCK, the first step), CONFIRMED, CANCELLED, COMPLETED… The ratio of cancelled to
 * placed orders is the saga's health as a shopper sees it. Counted when the transition commits, so
 * a rolled-back attempt is not counted.
 */
@Component
class OrderMetrics {

  private final MeterRegistry meters;

  OrderMetrics(MeterRegistry meters) {
    this.meters = meters;
    // From zero, so that rate() and ratios work before the first order of each kind.
    for (OrderStatus status : OrderStatus.values()) {
      counter(status.name());
    }
  }

  void reached(String status) {
    Counter counter = counter(status);
    AfterCommit.run(counter::increment);
  }

  private Counter counter(String status) {
    return Counter.builder("marketplace.orders")
        .description("Orders that reached a status, by status")
        .tag("status", status)
        .register(meters);
  }
}
