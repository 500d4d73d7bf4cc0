package dev.marketplace.catalog.product;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Outgoing;
import dev.marketplace.events.Topics;
import dev.marketplace.platform.TraceContext;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns the events a product's changes recorded into the pending events its document keeps: each in
 * its envelope (id, time, and the trace of the request that caused it), serialised now so the relay
 * needs no knowledge of event shapes.
 */
@Component
public class ProductEvents {

  private static final String SOURCE = "catalog-service";

  private final Clock clock;
  private final TraceContext trace;

  public ProductEvents(Clock clock, TraceContext trace) {
    this.clock = clock;
    this.trace = trace;
  }

  /** The pending events for what a product's changes caused, in the same order. */
  public List<PendingEvent> pending(List<Outgoing> caused) {
    return caused.stream().map(this::pending).toList();
  }

  private PendingEvent pending(Outgoing outgoing) {
    // The relay sends every pending event to the products topic: anything else would go astray.
    if (!Topics.CATALOG_PRODUCTS.equals(outgoing.topic())) {
      throw new IllegalArgumentException(
          "a product's events go to " + Topics.CATALOG_PRODUCTS + ", not " + outgoing.topic());
    }
    EventEnvelope<Event> envelope =
        EventEnvelope.of(SOURCE, clock.instant(), trace.currentTraceparent(), outgoing.payload());
    return new PendingEvent(
        envelope.id().toString(), EventJson.write(envelope), envelope.traceparent());
  }
}
