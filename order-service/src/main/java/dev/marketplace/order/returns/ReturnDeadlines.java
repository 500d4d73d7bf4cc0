package dev.marketplace.order.returns;

import dev.marketplace.order.config.OrderProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A received return waits for its refund like a saga step waits for its reply: past the saga's
 * reply timeout (doubled per resend) its refund and restock are asked for again, a bounded number
 * of times ({@code marketplace_returns_refunds_resent_total}). A refund cannot be compensated, so a
 * return still unrefunded after that is counted as stuck ({@code
 * marketplace_returns_refunds_stuck}, alert MarketplaceRefundsStuck) for a person to look at.
 */
@Component
class ReturnDeadlines {

  private static final Logger log = LoggerFactory.getLogger(ReturnDeadlines.class);

  private final Returns returns;
  private final JdbcClient jdbc;
  private final OrderProperties.Saga saga;
  private final Clock clock;
  private final Counter resent;
  private final AtomicLong stuck = new AtomicLong();

  ReturnDeadlines(
      Returns returns,
      JdbcClient jdbc,
      OrderProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.returns = returns;
    this.jdbc = jdbc;
    this.saga = properties.saga();
    this.clock = clock;
    this.resent =
        Counter.builder("marketplace.returns.refunds.resent")
            .description("Refunds of returns asked for again for want of an answer")
            .register(meters);
    Gauge.builder("marketplace.returns.refunds.stuck", stuck, AtomicLong::get)
        .description("Received returns still unrefunded after every resend")
        .register(meters);
  }

  @Scheduled(
      fixedDelayString = "${marketplace.orders.saga.check-interval:2s}",
      initialDelayString = "${marketplace.orders.saga.check-interval:2s}")
  void chaseOverdueRefunds() {
    long givenUp = 0;
    for (Overdue overdue : overdue()) {
      if (overdue.resends() >= saga.maxResends()) {
        givenUp++;
        continue;
      }
      try {
        if (returns.chaseRefund(overdue.id())) {
          resent.increment();
        }
      } catch (RuntimeException e) {
        log.warn("could not chase the refund of return {}: {}", overdue.id(), e.toString());
      }
    }
    if (givenUp > 0 && stuck.get() != givenUp) {
      log.error("{} received returns are still not refunded after every resend", givenUp);
    }
    stuck.set(givenUp);
  }

  private record Overdue(UUID id, int resends) {}

  private List<Overdue> overdue() {
    return jdbc.sql(
            "SELECT id, resends FROM order_return WHERE status = 'RECEIVED'"
                + " AND waiting_since + make_interval(secs => ? * power(2, least(resends, 20))) <= ?"
                + " ORDER BY waiting_since LIMIT ?")
        .params(
            saga.replyTimeout().toMillis() / 1000.0,
            Timestamp.from(clock.instant()),
            saga.batchSize())
        .query((rs, n) -> new Overdue(rs.getObject("id", UUID.class), rs.getInt("resends")))
        .list();
  }
}
