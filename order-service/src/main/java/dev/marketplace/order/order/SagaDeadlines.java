package dev.marketplace.order.order;

import dev.marketplace.order.config.OrderProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for saga steps whose reply is overdue and chases them: the commands go again, then the
 * order compensates ({@code marketplace_saga_overdue_total{step,outcome}}; the alert
 * MarketplaceSagaStepsGivenUp fires on compensations). Every replica may run it: each order is
 * locked while it is chased, and one that another replica chased is no longer overdue.
 */
@Component
class SagaDeadlines {

  private static final Logger log = LoggerFactory.getLogger(SagaDeadlines.class);

  private final OrderService orders;
  private final JdbcClient jdbc;
  private final OrderProperties.Saga saga;
  private final Clock clock;
  private final MeterRegistry meters;

  SagaDeadlines(
      OrderService orders,
      JdbcClient jdbc,
      OrderProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.orders = orders;
    this.jdbc = jdbc;
    this.saga = properties.saga();
    this.clock = clock;
    this.meters = meters;
    for (OrderStatus step : OrderStatus.values()) {
      if (OrderSaga.DEFINITION.waits(step)) {
        counter(step, Order.Chase.RESENT);
        counter(step, Order.Chase.COMPENSATED);
      }
    }
  }

  @Scheduled(
      fixedDelayString = "${marketplace.orders.saga.check-interval:2s}",
      initialDelayString = "${marketplace.orders.saga.check-interval:2s}")
  void chaseOverdueReplies() {
    for (UUID orderId : overdue()) {
      try {
        OrderService.Chased chased = orders.chaseOverdueReply(orderId);
        if (chased.outcome() != Order.Chase.NOT_DUE) {
          counter(chased.step(), chased.outcome()).increment();
          if (chased.outcome() == Order.Chase.COMPENSATED) {
            log.warn("order {} gave up waiting in {} and compensates", orderId, chased.step());
          }
        }
      } catch (RuntimeException e) {
        // The next check tries again; one order's failure does not hold up the others.
        log.warn("could not chase order {}: {}", orderId, e.toString());
      }
    }
  }

  /** Orders whose step is overdue; the literal statuses let PostgreSQL use the partial index. */
  private List<UUID> overdue() {
    return jdbc.sql(
            "SELECT id FROM customer_order"
                + " WHERE status IN ('RESERVING_STOCK', 'AUTHORIZING_PAYMENT', 'CANCELLING')"
                + " AND waiting_since + make_interval(secs => ? * power(2, step_resends)) <= ?"
                + " ORDER BY waiting_since LIMIT ?")
        .params(
            saga.replyTimeout().toMillis() / 1000.0,
            Timestamp.from(clock.instant()),
            saga.batchSize())
        .query(UUID.class)
        .list();
  }

  private Counter counter(OrderStatus step, Order.Chase outcome) {
    return Counter.builder("marketplace.saga.overdue")
        .description(
            "Saga steps whose reply was overdue: commands resent, or the order compensated")
        .tag("step", step.name())
        .tag("outcome", outcome.name())
        .register(meters);
  }
}
