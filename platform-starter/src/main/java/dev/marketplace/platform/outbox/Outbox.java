package dev.marketplace.platform.outbox;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Outgoing;
import dev.marketplace.platform.TraceContext;
import dev.marketplace.platform.kafka.TopicNames;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes an event as part of the caller's database transaction: if the transaction commits, the
 * event reaches Kafka at least once (even if Kafka is down now or this process dies right after the
 * commit); if it rolls back, the event never existed.
 *
 * <p>Events of one aggregate are sent independently and may arrive out of order; consumers keep the
 * newest version (entity events carry one) or drive a state machine that ignores stale steps.
 */
public class Outbox {

  private final ApplicationEventPublisher publisher;
  private final TopicNames topics;
  private final TraceContext trace;
  private final Clock clock;
  private final String source;

  public Outbox(
      ApplicationEventPublisher publisher,
      TopicNames topics,
      TraceContext trace,
      Clock clock,
      String source) {
    this.publisher = publisher;
    this.topics = topics;
    this.trace = trace;
    this.clock = clock;
    this.source = source;
  }

  /**
   * Records the event for sending after commit.
   *
   * @param topic a name from {@code Topics} (the environment prefix is added here)
   * @throws IllegalStateException outside a transaction, where the event could be lost silently
   */
  public <T extends Event> EventEnvelope<T> publish(String topic, T payload) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Outbox.publish must run inside the transaction that makes the change it announces");
    }
    EventEnvelope<T> envelope =
        EventEnvelope.of(source, clock.instant(), trace.currentTraceparent(), payload);
    publisher.publishEvent(
        new OutboxMessage(
            topics.name(topic), envelope.key(), envelope.id(), EventJson.write(envelope)));
    return envelope;
  }

  /** Records what an aggregate's change caused, in the order it caused it. */
  public void publish(List<Outgoing> caused) {
    caused.forEach(message -> publish(message.topic(), message.payload()));
  }
}
