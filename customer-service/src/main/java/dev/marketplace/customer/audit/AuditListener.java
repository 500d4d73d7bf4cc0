package dev.marketplace.customer.audit;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.audit.AuditEventRecordedV1;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Appends every service's audit events to the trail, each once. */
@Component
class AuditListener {

  private final AuditTrail trail;

  AuditListener(AuditTrail trail) {
    this.trail = trail;
  }

  @KafkaListener(topics = "#{@topicNames.name('audit.events')}", groupId = "customer-service-audit")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = EventJson.read(record.value());
    if (event.payload() instanceof AuditEventRecordedV1 recorded) {
      trail.append(event.id(), recorded);
    }
  }
}
