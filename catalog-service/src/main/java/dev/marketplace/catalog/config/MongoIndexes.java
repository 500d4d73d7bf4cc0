package dev.marketplace.catalog.config;

import dev.marketplace.catalog.product.Product;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes the catalog's queries rely on, created at start (idempotent). */
@Component
class MongoIndexes {

  private final MongoTemplate mongo;

  MongoIndexes(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @EventListener(ApplicationReadyEvent.class)
  void create() {
    var products = mongo.indexOps(Product.class);
    // A vendor's product list, newest first.
    products.createIndex(
        new Index().on("vendorId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
    // The relay's sweep: only documents with unpublished events are in this sparse index.
    products.createIndex(new Index().on("pendingEvents.eventId", Sort.Direction.ASC).sparse());
  }
}
