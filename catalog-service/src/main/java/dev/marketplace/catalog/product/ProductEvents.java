package dev.marketplace.catalog.product;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.TraceContext;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Turns a product's state into the event that announces it (the full state, versioned by revision).
 */
@Component
public class ProductEvents implements Function<Product, PendingEvent> {

  static final String SOURCE = "catalog-service";

  private final Clock clock;
  private final TraceContext trace;

  public ProductEvents(Clock clock, TraceContext trace) {
    this.clock = clock;
    this.trace = trace;
  }

  @Override
  public PendingEvent apply(Product product) {
    EventEnvelope<ProductChangedV1> envelope =
        EventEnvelope.of(SOURCE, clock.instant(), trace.currentTraceparent(), changed(product));
    return new PendingEvent(
        envelope.id().toString(), EventJson.write(envelope), envelope.traceparent());
  }

  static ProductChangedV1 changed(Product product) {
    ProductDetails d = product.details();
    return new ProductChangedV1(
        product.id(),
        product.revision(),
        product.vendorId(),
        ProductChangedV1.Status.valueOf(product.status().name()),
        d.name(),
        d.description(),
        d.brand(),
        d.categoryId(),
        d.attributes(),
        d.variants().stream()
            .map(
                v ->
                    new ProductChangedV1.Variant(
                        v.sku(), v.attributes(), v.price().amountMinor(), v.price().currency()))
            .toList(),
        d.mediaUrls(),
        product.createdAt(),
        product.updatedAt());
  }
}
