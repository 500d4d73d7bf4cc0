package dev.marketplace.order.order;

import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.platform.web.ServiceBusyException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Lets a few checkouts run at once ({@code marketplace.orders.checkout.max-concurrent}); the others
 * wait at most {@code max-wait} and are then refused with 503 and Retry-After, having changed
 * nothing: no order, the cart as it was, the Idempotency-Key free to send again.
 *
 * <p>Checkouts share the service's database connections with the saga's reply consumer and the
 * outbox's bookkeeping. Unbounded, a burst of checkouts starved both and no saga advanced again
 * (docs/benchmarks.md, Checkout); waiting without a bound instead kept requests queued past the
 * gateway's timeout, so shoppers saw 504 for orders that were placed later anyway. A waiting
 * checkout holds no connection.
 */
@Component
class CheckoutAdmission {

  private final Bulkhead bulkhead;
  private final Duration retryAfter;

  CheckoutAdmission(OrderProperties properties, MeterRegistry meters) {
    OrderProperties.Checkout checkout = properties.checkout();
    BulkheadRegistry registry =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(checkout.maxConcurrent())
                .maxWaitDuration(checkout.maxWait())
                .build());
    TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
    this.bulkhead = registry.bulkhead("checkout");
    this.retryAfter = checkout.retryAfter();
  }

  <T> T admit(Supplier<T> checkout) {
    try {
      return bulkhead.executeSupplier(checkout);
    } catch (BulkheadFullException e) {
      throw new ServiceBusyException(
          "Too many checkouts at once; nothing was ordered and the cart is unchanged. Send the"
              + " same request again (same Idempotency-Key) after Retry-After.",
          retryAfter);
    }
  }
}
