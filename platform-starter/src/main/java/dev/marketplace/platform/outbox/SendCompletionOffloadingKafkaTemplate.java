package dev.marketplace.platform.outbox;

import io.micrometer.observation.Observation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * A {@link KafkaTemplate} whose sends complete on an executor of their own rather than on the Kafka
 * producer's network thread.
 *
 * <p>Whatever a caller chains onto a send runs on the thread that completes it. Spring Modulith
 * chains the outbox bookkeeping there: marking the publication completed, a JDBC update that first
 * waits for a pooled connection. On the producer's one network thread that wait stalled every other
 * send of the service, saga replies included, whenever the connection pool was busy (the checkout
 * benchmark's overload, docs/benchmarks.md). Here the network thread only hands the result over.
 */
class SendCompletionOffloadingKafkaTemplate<K, V> extends KafkaTemplate<K, V> {

  /**
   * Two threads: enough for the bookkeeping, and few enough that a busy connection pool holds up
   * only that. Its own, not a bean: an {@code Executor} bean would replace Spring Boot's
   * application task executor, which runs Modulith's asynchronous listeners.
   */
  private final ExecutorService completions =
      Executors.newFixedThreadPool(
          2, Thread.ofPlatform().name("kafka-send-completion-", 0).daemon().factory());

  SendCompletionOffloadingKafkaTemplate(ProducerFactory<K, V> producers) {
    super(producers);
  }

  @Override
  protected CompletableFuture<SendResult<K, V>> doSend(
      ProducerRecord<K, V> record, @Nullable Observation observation) {
    return super.doSend(record, observation)
        .whenCompleteAsync((result, failure) -> {}, completions);
  }

  /** After the producer: the completions of its last sends still run, then the threads end. */
  @Override
  public void destroy() {
    super.destroy();
    completions.close();
  }
}
