package dev.marketplace.order.catalog;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.catalog.ProductChangedV1;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link SellableSkus} up to date from the compacted products topic (replayed from the
 * start).
 */
@Component
class CatalogListener {

  private final SellableSkus skus;

  CatalogListener(SellableSkus skus) {
    this.skus = skus;
  }

  @KafkaListener(
      topics = "#{@topicNames.name('catalog.products')}",
      // v2: items are keyed by vendor and SKU since V3; a new group replays the topic into them.
      groupId = "order-service-catalog-v2")
  void on(ConsumerRecord<String, String> record) {
    if (EventJson.read(record.value()).payload() instanceof ProductChangedV1 product) {
      skus.apply(product);
    }
  }
}
