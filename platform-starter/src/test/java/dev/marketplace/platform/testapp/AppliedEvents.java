package dev.marketplace.platform.testapp;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.platform.inbox.Inbox;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A consumer whose effect is not idempotent on its own (it appends a row per event), so only the
 * inbox keeps it right when an event arrives twice.
 */
@Component
@ConditionalOnBooleanProperty("ledger.consume")
public class AppliedEvents {

  static final String CONSUMER = "ledger-applied-events";

  private final Inbox inbox;
  private final JdbcClient jdbc;

  public AppliedEvents(Inbox inbox, JdbcClient jdbc) {
    this.inbox = inbox;
    this.jdbc = jdbc;
  }

  @KafkaListener(topics = "#{@topicNames.name('catalog.products')}", groupId = CONSUMER)
  public void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = EventJson.read(record.value());
    inbox.handleOnce(CONSUMER, event.id(), () -> apply(event.id()));
  }

  public void apply(UUID eventId) {
    jdbc.sql("INSERT INTO applied_event (consumer, event_id) VALUES (?, ?)")
        .params(CONSUMER, eventId)
        .update();
  }

  public long timesApplied(UUID eventId) {
    return jdbc.sql("SELECT count(*) FROM applied_event WHERE event_id = ?")
        .param(eventId)
        .query(Long.class)
        .single();
  }
}
