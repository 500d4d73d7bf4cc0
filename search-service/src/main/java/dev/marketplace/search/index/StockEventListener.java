package dev.marketplace.search.index;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Applies inventory's availability events in batches: the newest stock of each vendor SKU goes to
 * the stock index (one bulk request; an older or repeated event is refused there by its version),
 * then into the products that sell those SKUs. Both steps compare versions, so a batch delivered
 * again after a failure changes nothing that is already right. A malformed record is handed to the
 * platform's error handler by position, as in {@link ProductEventListener}: the records before it
 * are applied and committed, it goes to the dead-letter topic, the rest are delivered again.
 *
 * <p>Only a change of level is written ({@link AppliedLevels}): a change of quantity alone shows
 * nowhere in search. What this instance remembers is forgotten whenever partitions are assigned.
 */
@Component
class StockEventListener implements ConsumerSeekAware {

  /** SKUs whose applied level is remembered; one forgotten costs one write that changes nothing. */
  static final long REMEMBERED_SKUS = 100_000;

  private final StockIndex stock;
  private final ProductStock products;
  private final ProductIndex index;
  private final Clock clock;
  private final AppliedLevels levels = new AppliedLevels(REMEMBERED_SKUS);
  private final Counter unchanged;

  StockEventListener(
      StockIndex stock,
      ProductStock products,
      ProductIndex index,
      Clock clock,
      MeterRegistry meters) {
    this.stock = stock;
    this.products = products;
    this.index = index;
    this.clock = clock;
    this.unchanged =
        Counter.builder("search.stock.unchanged")
            .description("Availability events skipped: the SKU's level had not changed")
            .register(meters);
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    // Another instance may have written these SKUs while it owned their partitions.
    levels.forgetAll();
  }

  @KafkaListener(
      id = "stock-indexer",
      topics = "#{@topicNames.name(T(dev.marketplace.events.Topics).INVENTORY_AVAILABILITY)}",
      batch = "true")
  void onAvailabilityEvents(List<ConsumerRecord<String, String>> records) {
    Instant received = clock.instant();
    Map<String, StockDocument> newest = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        Event payload = EventJson.read(records.get(i).value()).payload();
        if (payload instanceof StockAvailabilityChangedV1 availability) {
          StockDocument doc = StockDocument.of(availability, received);
          newest.merge(doc.key(), doc, (a, b) -> a.stockVersion() >= b.stockVersion() ? a : b);
        }
      } catch (MalformedEventException e) {
        apply(newest);
        throw new BatchListenerFailedException(e.getMessage(), e, i);
      }
    }
    apply(newest);
  }

  private void apply(Map<String, StockDocument> newest) {
    try {
      int skipped =
          levels.write(
              newest.values(),
              changes -> {
                // Every change is applied to the products, not only those the stock index took:
                // after a failure between the two steps, the products would otherwise never get
                // what is stored.
                stock.write(changes);
                products.apply(index.alias(), changes);
              });
      unchanged.increment(skipped);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
