package dev.marketplace.catalog.config;

import dev.marketplace.catalog.product.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes the catalog's queries rely on, created at start (idempotent). */
@Component
class MongoIndexes {

  private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

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
    // A SKU names one item of its vendor (ProductService checks first, to name the field).
    try {
      products.createIndex(
          new Index()
              .named("vendor_sku_unique")
              .on("vendorId", Sort.Direction.ASC)
              .on("details.variants.sku", Sort.Direction.ASC)
              .unique());
    } catch (DataIntegrityViolationException e) {
      log.error(
          "products that share a SKU within one vendor exist, so the unique index cannot be built;"
              + " the service still refuses new duplicates. Rename them and restart: {}",
          e.getMessage());
    }
  }
}
