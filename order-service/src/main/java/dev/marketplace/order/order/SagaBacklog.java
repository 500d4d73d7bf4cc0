package dev.marketplace.order.order;

import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.platform.web.ServiceBusyException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Bounds how many orders may wait in their saga ({@code marketplace.orders.checkout.max-in-saga}).
 *
 * <p>An accepted order is confirmed only as fast as inventory and payment answer. When checkouts
 * arrive faster than that, accepting them all made every new order wait behind the backlog
 * (placed→confirmed p50 160 s at twice the sustainable rate, docs/benchmarks.md, Checkout). Beyond
 * the bound a new checkout is refused with 503 and Retry-After instead, having changed nothing, so
 * the orders that are accepted are confirmed promptly. A checkout repeated with its Idempotency-Key
 * is never refused here: its order was accepted already.
 *
 * <p>The count is taken from the database at most every {@code backlog-recount}, so refusals under
 * load cost no query; the bound is therefore approximate by the checkouts of that interval.
 */
@Component
class SagaBacklog {

  private final OrderRepository orders;
  private final int maxInSaga;
  private final Duration retryAfter;
  private final long recountNanos;
  private volatile long counted;
  private volatile long countedAtNanos;
  private volatile boolean everCounted;

  SagaBacklog(OrderRepository orders, OrderProperties properties, MeterRegistry meters) {
    this.orders = orders;
    this.maxInSaga = properties.checkout().maxInSaga();
    this.retryAfter = properties.checkout().retryAfter();
    this.recountNanos = properties.checkout().backlogRecount().toNanos();
    Gauge.builder("marketplace.orders.in.saga", this, backlog -> backlog.counted)
        .description("Orders waiting for stock, payment or a cancellation, as last counted")
        .register(meters);
  }

  /** Refuses a new order while the backlog is full. */
  void admitNewOrder() {
    if (inSaga() >= maxInSaga) {
      throw new ServiceBusyException(
          "Too many orders are waiting to be confirmed; nothing was ordered and the cart is"
              + " unchanged. Send the same request again (same Idempotency-Key) after Retry-After.",
          retryAfter);
    }
  }

  private long inSaga() {
    long now = System.nanoTime();
    if (!everCounted || now - countedAtNanos >= recountNanos) {
      counted = orders.countInSaga();
      countedAtNanos = now;
      everCounted = true;
    }
    return counted;
  }
}
