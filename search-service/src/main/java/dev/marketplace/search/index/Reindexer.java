package dev.marketplace.search.index;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.platform.kafka.TopicNames;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index from zero by replaying the compacted product topic into a new index, then
 * switches the alias in one atomic step, so searches keep working throughout. Events that arrive
 * during the replay reach the old index through the live listener; a catch-up pass after the switch
 * replays them into the new one (versioned writes make replaying anything twice harmless).
 */
@Component
public class Reindexer {

  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

  private final ProductIndex index;
  private final ConsumerFactory<?, ?> consumers;
  private final String topic;
  private final Clock clock;

  public Reindexer(
      ProductIndex index, ConsumerFactory<?, ?> consumers, TopicNames topics, Clock clock) {
    this.index = index;
    this.consumers = consumers;
    this.topic = topics.name(Topics.CATALOG_PRODUCTS);
    this.clock = clock;
  }

  /** What a finished rebuild did. */
  public record Report(String index, long eventsReplayed, Instant startedAt, Instant finishedAt) {}

  public Report rebuild() throws IOException {
    Instant started = clock.instant();
    String newIndex = index.createIndex();
    log.info("rebuilding {} into {}", index.alias(), newIndex);
    try (Consumer<?, ?> raw =
        consumers.createConsumer("search-reindex-" + UUID.randomUUID(), "reindex", null)) {
      @SuppressWarnings("unchecked")
      Consumer<String, String> consumer = (Consumer<String, String>) raw;
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long replayed = replay(consumer, newIndex, consumer.endOffsets(partitions));
      index.switchAliasTo(newIndex);
      replayed += replay(consumer, newIndex, consumer.endOffsets(partitions));
      Report report = new Report(newIndex, replayed, started, clock.instant());
      log.info("rebuilt {}: {}", index.alias(), report);
      return report;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(newIndex);
      throw e;
    }
  }

  private long replay(
      Consumer<String, String> consumer, String target, Map<TopicPartition, Long> endOffsets)
      throws IOException {
    long replayed = 0;
    while (!reached(consumer, endOffsets)) {
      List<ProductChangedV1> batch = new ArrayList<>();
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        try {
          if (EventJson.read(record.value()).payload() instanceof ProductChangedV1 product) {
            batch.add(product);
          }
        } catch (MalformedEventException e) {
          log.warn(
              "skipping malformed record {}@{} during rebuild",
              record.partition(),
              record.offset());
        }
      }
      index.upsert(target, batch);
      replayed += batch.size();
    }
    return replayed;
  }

  private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> endOffsets) {
    return endOffsets.entrySet().stream()
        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
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
}
