package dev.marketplace.payment.privacy;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.CustomerErasedV1;
import dev.marketplace.events.customer.CustomerErasureConfirmedV1;
import dev.marketplace.payment.provider.RetryingProvider;
import dev.marketplace.platform.inbox.Inbox;
import dev.marketplace.platform.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erases what payment-service holds about an erased customer, once per erasure event. The saved
 * cards are deleted at the provider first, outside any transaction (a provider call never holds
 * one; deleting is idempotent there, so a failure retries the whole event); then, in one
 * transaction with the inbox record, the cards are deleted here and the payments' link to the
 * customer is pseudonymised (payments and the ledger stay, for accounting); and it is confirmed for
 * the erasure report.
 */
@Component
class CustomerErasureListener {

  static final String CONSUMER = "payment-erasure";
  static final String SERVICE = "payment-service";

  private final JdbcClient jdbc;
  private final RetryingProvider provider;
  private final Inbox inbox;
  private final Outbox outbox;
  private final Clock clock;

  CustomerErasureListener(
      JdbcClient jdbc, RetryingProvider provider, Inbox inbox, Outbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.provider = provider;
    this.inbox = inbox;
    this.outbox = outbox;
    this.clock = clock;
  }

  @KafkaListener(
      topics = "#{@topicNames.name('customer.accounts')}",
      groupId = "payment-service-erasure")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = EventJson.read(record.value());
    if (event.payload() instanceof CustomerErasedV1 erased) {
      List<String> cards =
          jdbc.sql("SELECT provider_token FROM payment_method WHERE customer_id = ?")
              .param(erased.customerId())
              .query(String.class)
              .list();
      cards.forEach(provider::deleteCard);
      inbox.handleOnce(CONSUMER, event.id(), () -> erase(erased.customerId()));
    }
  }

  private void erase(String customerId) {
    int cards =
        jdbc.sql("DELETE FROM payment_method WHERE customer_id = ?").param(customerId).update();
    int payments =
        jdbc.sql("UPDATE payment SET customer_id = ?, card_token = NULL WHERE customer_id = ?")
            .params("erased-" + UUID.randomUUID(), customerId)
            .update();
    outbox.publish(
        Topics.CUSTOMER_ERASURES,
        new CustomerErasureConfirmedV1(
            customerId,
            SERVICE,
            List.of(
                cards + " saved cards deleted, at the card provider too",
                payments + " payments pseudonymised (kept for accounting with the ledger)"),
            clock.instant()));
  }
}
