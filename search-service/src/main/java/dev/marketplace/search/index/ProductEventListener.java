package dev.marketplace.search.index;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.catalog.ProductChangedV1;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
@Component
class ProductEventListener {

  private final ProductIndex index;

  ProductEventListener(ProductIndex index) {
    this.index = index;
  }

  @KafkaListener(
      id = "product-indexer",
      topics = "#{@topicNames.name(T(dev.marketplace.events.Topics).CATALOG_PRODUCTS)}",
      batch = "true")
  void onProductEvents(List<ConsumerRecord<String, String>> records) {
    List<ProductChangedV1> changes = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      try {
        EventEnvelope<Event> envelope = EventJson.read(records.get(i).value());
        if (envelope.payload() instanceof ProductChangedV1 product) {
          changes.add(product);
        }
      } catch (MalformedEventException e) {
        apply(changes);
        throw new BatchListenerFailedException(e.getMessage(), e, i);
      }
    }
    apply(changes);
  }

  private void apply(List<ProductChangedV1> changes) {
    try {
      index.upsert(index.alias(), changes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
