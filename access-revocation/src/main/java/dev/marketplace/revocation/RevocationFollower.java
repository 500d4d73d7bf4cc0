package dev.marketplace.revocation;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.customer.AccessRevokedV1;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the revocation topic from its first record and keeps following it, on a thread of its own.
 * It uses no consumer group: every instance must see every revocation, and a restarted one reads
 * the whole (small, compacted) topic again. It creates the topic if it does not exist yet, so no
 * service depends on another having started first.
 */
public class RevocationFollower implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RevocationFollower.class);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
  private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

  private final RevocationList revocations;
  private final String topic;
  private final Map<String, Object> kafka;
  private final RevocationProperties properties;
  private final Clock clock;
  private volatile boolean running;

  /** Counted down by {@link #stop()}: a pause between retries ends at once when stopping. */
  private final CountDownLatch stopping = new CountDownLatch(1);

  private volatile @Nullable KafkaConsumer<String, String> consumer;
  private @Nullable Thread thread;

  /**
   * @param kafka the client settings: bootstrap servers, and security settings where the cluster
   *     needs them
   */
  public RevocationFollower(
      RevocationList revocations,
      String topic,
      Map<String, Object> kafka,
      RevocationProperties properties,
      Clock clock) {
    this.revocations = revocations;
    this.topic = topic;
    this.kafka = Map.copyOf(kafka);
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("revocation-follower").start(this::follow);
  }

  @Override
  public void stop() {
    running = false;
    stopping.countDown();
    KafkaConsumer<String, String> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread following = thread;
    if (following != null) {
      try {
        following.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void follow() {
    try (Admin admin = Admin.create(adminSettings())) {
      while (running && !topicExists(admin)) {
        pause();
      }
    }
    if (!running) {
      return;
    }
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "revocation-follower");
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<String, String> reader =
        new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
      consumer = reader;
      reader.assign(List.of(partition));
      reader.seekToBeginning(List.of(partition));
      long endAtStart = -1;
      Instant nextForget = clock.instant();
      while (running) {
        try {
          if (endAtStart < 0) {
            endAtStart =
                reader.endOffsets(List.of(partition), Duration.ofSeconds(5)).get(partition);
          }
          for (ConsumerRecord<String, String> record : reader.poll(properties.pollTimeout())) {
            read(record);
          }
          if (!revocations.current() && reader.position(partition) >= endAtStart) {
            revocations.markCurrent();
            log.info("Revocation list is current: {} revocations", revocations.size());
          }
          if (clock.instant().isAfter(nextForget)) {
            revocations.forgetBefore(clock.instant().minus(properties.retention()));
            nextForget = clock.instant().plus(FORGET_EVERY);
          }
        } catch (WakeupException e) {
          return;
        } catch (KafkaException e) {
          log.warn("Reading {} failed; trying again: {}", topic, e.toString());
          pause();
        }
      }
    } catch (WakeupException e) {
      // stopped while the consumer was being set up
    } finally {
      consumer = null;
    }
  }

  private void read(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return;
    }
    try {
      if (EventJson.read(record.value()).payload() instanceof AccessRevokedV1 revocation) {
        revocations.apply(revocation);
      }
    } catch (RuntimeException e) {
      log.error("Skipped unreadable revocation at offset {}: {}", record.offset(), e.toString());
    }
  }

  /**
   * Creates the topic (compacted, and time-limited: a revocation outlives every token it stops).
   */
  private boolean topicExists(Admin admin) {
    try {
      NewTopic revocationTopic =
          new NewTopic(topic, Optional.of(1), Optional.empty())
              .configs(
                  Map.of(
                      TopicConfig.CLEANUP_POLICY_CONFIG,
                      TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                      TopicConfig.RETENTION_MS_CONFIG,
                      String.valueOf(properties.retention().toMillis())));
      admin.createTopics(List.of(revocationTopic)).all().get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return true;
      }
      log.warn("Cannot create or find {} yet: {}", topic, e.getCause().toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return false;
    } catch (KafkaException e) {
      log.warn("Cannot reach Kafka for {} yet: {}", topic, e.toString());
      return false;
    }
  }

  private Map<String, Object> adminSettings() {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put("default.api.timeout.ms", 5000);
    settings.put("request.timeout.ms", 5000);
    settings.put("client.id", "revocation-follower-admin");
    return settings;
  }

  private void pause() {
    try {
      stopping.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
