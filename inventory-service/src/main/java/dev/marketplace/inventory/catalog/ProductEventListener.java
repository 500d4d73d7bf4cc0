package dev.marketplace.inventory.catalog;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.catalog.ProductChangedV1;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CatalogSkus} up to date. The upsert is versioned, so it needs no inbox: a repeated
 * or older event simply changes nothing. Malformed records go to the dead-letter topic (platform).
 */
@Component
class ProductEventListener {

  private final CatalogSkus skus;

  ProductEventListener(CatalogSkus skus) {
    this.skus = skus;
  }

  @KafkaListener(
      id = "inventory-catalog",
      idIsGroup = false,
      groupId = "${inventory.kafka.group-id:inventory-service}.catalog",
      topics = "#{@topicNames.name(T(dev.marketplace.events.Topics).CATALOG_PRODUCTS)}")
  void on(ConsumerRecord<String, String> record) {
    Event payload = EventJson.read(record.value()).payload();
    if (payload instanceof ProductChangedV1 product) {
      skus.apply(product);
    }
  }
}
