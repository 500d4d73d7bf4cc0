package dev.marketplace.customer.erasure;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.customer.CustomerErasureConfirmedV1;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Adds each service's erasure confirmation to its customer's report. */
@Component
class ErasureConfirmationListener {

  private final ErasureReports reports;

  ErasureConfirmationListener(ErasureReports reports) {
    this.reports = reports;
  }

  @KafkaListener(
      topics = "#{@topicNames.name('customer.erasures')}",
      groupId = "customer-service-erasures")
  void on(ConsumerRecord<String, String> record) {
    if (EventJson.read(record.value()).payload() instanceof CustomerErasureConfirmedV1 confirmed) {
      customerId(confirmed.customerId())
          .ifPresent(
              id ->
                  reports.confirm(
                      id, confirmed.service(), confirmed.actions(), confirmed.confirmedAt()));
    }
  }

  /** Our customer ids are UUIDs; a confirmation naming anything else has no report to join. */
  private static Optional<UUID> customerId(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
