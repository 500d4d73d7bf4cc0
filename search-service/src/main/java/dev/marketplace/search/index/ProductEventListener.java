package dev.marketplace.search.index;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Applies product events to the index in batches (one bulk request per poll). A malformed record is
 * handed to the platform's error handler by position: the records before it are indexed and
 * committed, it goes to the dead-letter topic, and the rest are delivered again.
 *
 * <p>Spring Kafka does not observe batch listeners, so each indexed event is recorded here in a
 * span that continues the trace of the change that caused it (from the envelope), and its freshness
 * (change in catalog-service → searchable) is measured in that span: the metric's exemplars name
 * the traces of slow updates.
 */
@Component
class ProductEventListener {

  private final ProductIndex index;
  private final TraceContext trace;
  private final Clock clock;
  private final Timer freshness;

  ProductEventListener(ProductIndex index, TraceContext trace, Clock clock, MeterRegistry meters) {
    this.index = index;
    this.trace = trace;
    this.clock = clock;
    this.freshness =
        Timer.builder("search.index.freshness")
            .description("Time from a product change in catalog-service to its indexing")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(meters);
  }

  @KafkaListener(
      id = "product-indexer",
      topics = "#{@topicNames.name(T(dev.marketplace.events.Topics).CATALOG_PRODUCTS)}",
      batch = "true")
  void onProductEvents(List<ConsumerRecord<String, String>> records) {
    Instant received = clock.instant();
    List<EventEnvelope<Event>> changes = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      try {
        EventEnvelope<Event> envelope = EventJson.read(records.get(i).value());
        if (envelope.payload() instanceof ProductChangedV1) {
          changes.add(envelope);
        }
      } catch (MalformedEventException e) {
        apply(changes, received);
        throw new BatchListenerFailedException(e.getMessage(), e, i);
      }
    }
    apply(changes, received);
  }

  private void apply(List<EventEnvelope<Event>> changes, Instant received) {
    try {
      index.upsert(
          index.alias(), changes.stream().map(e -> (ProductChangedV1) e.payload()).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant indexed = clock.instant();
    for (EventEnvelope<Event> change : changes) {
      trace.continueTrace(
          change.traceparent(),
          "search.products index",
          received,
          () -> freshness.record(Duration.between(change.time(), indexed)));
    }
  }
}
