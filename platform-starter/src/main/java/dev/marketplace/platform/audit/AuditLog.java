package dev.marketplace.platform.audit;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.audit.AuditEventRecordedV1;
import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import dev.marketplace.platform.TraceContext;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an audit event to the audit trail. In a service with a database it goes through the outbox:
 * inside the caller's transaction when there is one (the event exists exactly when the change
 * does), otherwise in a transaction of its own. A service without one (catalog, search) sends it to
 * Kafka and waits for the broker's acknowledgement; a failure is logged and counted ({@code
 * marketplace.audit.send.failures}), never thrown at the caller.
 */
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final String service;
  private final @Nullable Outbox outbox;
  private final @Nullable TransactionTemplate transaction;
  private final KafkaTemplate<String, String> kafka;
  private final TopicNames topics;
  private final TraceContext trace;
  private final Clock clock;
  private final Counter failures;

  public AuditLog(
      String service,
      @Nullable Outbox outbox,
      @Nullable TransactionTemplate transaction,
      KafkaTemplate<String, String> kafka,
      TopicNames topics,
      TraceContext trace,
      Clock clock,
      MeterRegistry meters) {
    this.service = service;
    this.outbox = outbox;
    this.transaction = transaction;
    this.kafka = kafka;
    this.topics = topics;
    this.trace = trace;
    this.clock = clock;
    this.failures = meters.counter("marketplace.audit.send.failures");
  }

  /** Records what the current request's caller did. */
  public void record(String action, String resource, Outcome outcome) {
    record(Actor.current(), action, resource, outcome);
  }

  public void record(Actor actor, String action, String resource, Outcome outcome) {
    AuditEventRecordedV1 event =
        new AuditEventRecordedV1(
            service,
            actor.subject(),
            actor.roles(),
            action,
            resource,
            outcome,
            actor.clientAddress(),
            clock.instant());
    if (outbox != null && transaction != null) {
      if (TransactionSynchronizationManager.isActualTransactionActive()) {
        outbox.publish(Topics.AUDIT_EVENTS, event);
      } else {
        transaction.executeWithoutResult(status -> outbox.publish(Topics.AUDIT_EVENTS, event));
      }
      return;
    }
    try {
      kafka
          .send(
              topics.name(Topics.AUDIT_EVENTS),
              event.key(),
              EventJson.write(
                  EventEnvelope.of(service, clock.instant(), trace.currentTraceparent(), event)))
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      failed(action + " " + resource + " " + outcome, e);
    }
  }

  /** Counts and logs an audit event that could not be recorded. */
  void failed(String what, Exception cause) {
    failures.increment();
    log.error("Audit event not recorded: {}", what, cause);
  }
}
