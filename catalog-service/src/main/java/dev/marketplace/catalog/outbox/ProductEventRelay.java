package dev.marketplace.catalog.outbox;

import dev.marketplace.catalog.product.PendingEvent;
import dev.marketplace.events.Topics;
import dev.marketplace.platform.TraceContext;
import dev.marketplace.platform.kafka.TopicNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in product documents, then removes exactly those from the document.
 *
 * <p>Two paths: right after a save (so search sees a change within milliseconds), and a periodic
 * sweep that finds whatever a crash, a Kafka outage or a failed send left behind. A crash between
 * the send and the removal publishes the event again on the next sweep: delivery is at least once,
 * and consumers keep only the newest product version, so a duplicate changes nothing.
 */
@Component
public class ProductEventRelay {

  private static final Logger log = LoggerFactory.getLogger(ProductEventRelay.class);
  private static final String COLLECTION = "products";
  private static final String PENDING = "pendingEvents";

  private final MongoTemplate mongo;
  private final KafkaTemplate<String, String> kafka;
  private final String topic;
  private final TraceContext trace;
  private final int batchSize;
  private final Duration sendTimeout;
  private final ExecutorService immediate = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger backlog = new AtomicInteger();

  public ProductEventRelay(
      MongoTemplate mongo,
      KafkaTemplate<String, String> kafka,
      TopicNames topics,
      MeterRegistry meters,
      TraceContext trace,
      @Value("${catalog.outbox.batch-size:200}") int batchSize,
      @Value("${catalog.outbox.send-timeout:10s}") Duration sendTimeout) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.topic = topics.name(Topics.CATALOG_PRODUCTS);
    this.trace = trace;
    this.batchSize = batchSize;
    this.sendTimeout = sendTimeout;
    meters.gauge("catalog.outbox.backlog", backlog);
  }

  /**
   * Publishes a just-saved product's pending events in the background, without holding up the
   * request. The events come from the saved aggregate, so the fast path needs no read.
   */
  public void publishSoon(String productId, List<PendingEvent> pending) {
    immediate.execute(() -> publish(productId, pending));
  }

  /** Finds products with unpublished events and publishes them; stops at the first failed send. */
  @Scheduled(
      fixedDelayString = "${catalog.outbox.sweep-interval:1s}",
      initialDelayString = "${catalog.outbox.sweep-interval:1s}")
  public void sweep() {
    Query withPending =
        Query.query(Criteria.where(PENDING + ".eventId").exists(true)).limit(batchSize);
    withPending.fields().include("_id");
    List<Document> products = mongo.find(withPending, Document.class, COLLECTION);
    backlog.set(products.size());
    for (Document product : products) {
      if (!publishPending(product.getString("_id"))) {
        return;
      }
    }
  }

  /**
   * Sends the product's pending events (as stored now) in order and removes the sent ones.
   *
   * @return false if a send failed (Kafka is likely unavailable; the sweep will try again)
   */
  boolean publishPending(String productId) {
    Query byId = Query.query(Criteria.where("_id").is(productId));
    byId.fields().include(PENDING);
    Document product = mongo.findOne(byId, Document.class, COLLECTION);
    if (product == null) {
      return true;
    }
    List<PendingEvent> pending =
        product.getList(PENDING, Document.class, List.of()).stream()
            .map(
                e ->
                    new PendingEvent(
                        e.getString("eventId"), e.getString("json"), e.getString("traceparent")))
            .toList();
    return publish(productId, pending);
  }

  private boolean publish(String productId, List<PendingEvent> pending) {
    if (pending.isEmpty() || !inFlight.add(productId)) {
      return true;
    }
    try {
      // Sent together, acknowledged in order (one partition per key, idempotent producer).
      List<CompletableFuture<?>> sends = new ArrayList<>();
      for (PendingEvent event : pending) {
        // In the trace of the request that made the change: the record's headers carry it on.
        trace.continueTrace(
            event.traceparent(),
            "catalog.products publish",
            null,
            () -> sends.add(kafka.send(topic, productId, event.json())));
      }
      List<String> sent = new ArrayList<>();
      boolean allSent = true;
      for (int i = 0; i < sends.size(); i++) {
        try {
          sends.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
          sent.add(pending.get(i).eventId());
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          log.warn("could not publish events of product {} yet: {}", productId, e.toString());
          allSent = false;
          break;
        }
      }
      if (!sent.isEmpty()) {
        mongo.updateFirst(
            Query.query(Criteria.where("_id").is(productId)),
            new Update().pull(PENDING, new Document("eventId", new Document("$in", sent))),
            COLLECTION);
      }
      return allSent;
    } finally {
      inFlight.remove(productId);
    }
  }
}
