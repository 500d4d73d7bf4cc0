package dev.marketplace.search.index;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.platform.kafka.TopicNames;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index from zero by replaying the compacted product topic into a new index, then
 * switches the alias in one atomic step, so searches keep working throughout. Events that arrive
 * during the replay reach the old index through the live listener; a catch-up pass after the switch
 * replays them into the new one (versioned writes make replaying anything twice harmless).
 *
 * <p>Stock: the availability topic is replayed into the stock index first (which changes only what
 * is missing or older there), and replayed products take their SKUs' stock from it. Stock events
 * that arrive meanwhile reach the products in the old index only, so after the switch every stock
 * document written since the rebuild began is applied to the new index again.
 */
@Component
public class Reindexer {

  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

  /**
   * Stock documents carry the writing instance's clock: re-applying a little more than the
   * rebuild's own duration covers instances whose clocks differ from this one's.
   */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ProductIndex index;
  private final StockIndex stock;
  private final ProductStock productStock;
  private final ConsumerFactory<?, ?> consumers;
  private final String productTopic;
  private final String stockTopic;
  private final Clock clock;

  public Reindexer(
      ProductIndex index,
      StockIndex stock,
      ProductStock productStock,
      ConsumerFactory<?, ?> consumers,
      TopicNames topics,
      Clock clock) {
    this.index = index;
    this.stock = stock;
    this.productStock = productStock;
    this.consumers = consumers;
    this.productTopic = topics.name(Topics.CATALOG_PRODUCTS);
    this.stockTopic = topics.name(Topics.INVENTORY_AVAILABILITY);
    this.clock = clock;
  }

  /**
   * What a finished rebuild did.
   *
   * @param eventsReplayed product events written into the new index
   * @param stockEventsReplayed availability events replayed into the stock index
   * @param stockReapplied product documents whose stock changed when the stock written during the
   *     rebuild was applied again
   */
  public record Report(
      String index,
      long eventsReplayed,
      long stockEventsReplayed,
      long stockReapplied,
      Instant startedAt,
      Instant finishedAt) {}

  public Report rebuild() throws IOException {
    Instant started = clock.instant();
    long stockReplayed;
    try (Replay replay = new Replay(stockTopic)) {
      stockReplayed = replay.toEnd(this::storeStock);
    }
    String newIndex = index.createIndex();
    log.info("rebuilding {} into {}", index.alias(), newIndex);
    try (Replay replay = new Replay(productTopic)) {
      RecordsHandler products = records -> writeProducts(newIndex, records);
      long replayed = replay.toEnd(products);
      index.switchAliasTo(newIndex);
      replayed += replay.toEnd(products);
      long reapplied = reapplyStockSince(newIndex, started.minus(CLOCK_SKEW));
      Report report =
          new Report(newIndex, replayed, stockReplayed, reapplied, started, clock.instant());
      log.info("rebuilt {}: {}", index.alias(), report);
      return report;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(newIndex);
      throw e;
    }
  }

  private long writeProducts(String target, List<ConsumerRecord<String, String>> records)
      throws IOException {
    List<ProductChangedV1> batch = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      if (read(record) instanceof ProductChangedV1 product) {
        batch.add(product);
      }
    }
    index.upsert(target, batch, false);
    return batch.size();
  }

  private long storeStock(List<ConsumerRecord<String, String>> records) throws IOException {
    Instant now = clock.instant();
    Map<String, StockDocument> newest = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      if (read(record) instanceof StockAvailabilityChangedV1 availability) {
        try {
          StockDocument doc = StockDocument.of(availability, now);
          newest.merge(doc.key(), doc, (a, b) -> a.stockVersion() >= b.stockVersion() ? a : b);
        } catch (MalformedEventException e) {
          skipped(record);
        }
      }
    }
    stock.write(newest.values());
    return newest.size();
  }

  /** Applies to {@code target} every stock document written at or after {@code since}. */
  private long reapplyStockSince(String target, Instant since) throws IOException {
    index.refresh(target);
    stock.refresh();
    long[] changed = {0};
    stock.forEachChangedSince(since, page -> changed[0] += productStock.apply(target, page));
    return changed[0];
  }

  private static @Nullable Event read(ConsumerRecord<String, String> record) {
    try {
      return EventJson.read(record.value()).payload();
    } catch (MalformedEventException e) {
      skipped(record);
      return null;
    }
  }

  private static void skipped(ConsumerRecord<?, ?> record) {
    log.warn(
        "skipping malformed record {}-{}@{} during rebuild",
        record.topic(),
        record.partition(),
        record.offset());
  }

  private void deleteQuietly(String newIndex) {
    try {
      if (!index.currentIndices().contains(newIndex)) {
        index.deleteIndex(newIndex);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("could not delete abandoned index {}", newIndex, e);
    }
  }

  /** Handles a polled batch of records; returns how many events it applied. */
  @FunctionalInterface
  private interface RecordsHandler {
    long handle(List<ConsumerRecord<String, String>> records) throws IOException;
  }

  /** A consumer of its own (no group) that reads a topic from the start. */
  private final class Replay implements AutoCloseable {

    private final Consumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    @SuppressWarnings("unchecked")
    Replay(String topic) {
      consumer =
          (Consumer<String, String>)
              consumers.createConsumer("search-reindex-" + UUID.randomUUID(), "reindex", null);
      partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    /** Reads on until the end offsets of now, handing each poll to {@code handler}. */
    long toEnd(RecordsHandler handler) throws IOException {
      Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
      long applied = 0;
      while (!reached(endOffsets)) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        applied += handler.handle(records);
      }
      return applied;
    }

    private boolean reached(Map<TopicPartition, Long> endOffsets) {
      return endOffsets.entrySet().stream()
          .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
