package dev.marketplace.order.order;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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

  private static final String COUNT = "in-saga";

  private final int maxInSaga;
  private final Duration retryAfter;
  private final LoadingCache<String, Long> inSaga;

  SagaBacklog(OrderRepository orders, OrderProperties properties, MeterRegistry meters) {
    this.maxInSaga = properties.checkout().maxInSaga();
    this.retryAfter = properties.checkout().retryAfter();
    this.inSaga =
        Caffeine.newBuilder()
            .expireAfterWrite(properties.checkout().backlogRecount())
            .build(key -> orders.countInSaga());
    Gauge.builder("marketplace.orders.in.saga", this, backlog -> backlog.inSaga.get(COUNT))
        .description("Orders waiting for stock, payment or a cancellation")
        .register(meters);
  }

  /** Refuses a new order while the backlog is full. */
  void admitNewOrder() {
    if (inSaga.get(COUNT) >= maxInSaga) {
      throw new ServiceBusyException(
          "Too many orders are waiting to be confirmed; nothing was ordered and the cart is"
              + " unchanged. Send the same request again (same Idempotency-Key) after Retry-After.",
          retryAfter);
    }
  }
}
