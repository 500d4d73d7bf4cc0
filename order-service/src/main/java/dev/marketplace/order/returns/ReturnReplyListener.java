package dev.marketplace.order.returns;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.inventory.RestockRefusedV1;
import dev.marketplace.events.inventory.StockRestockedV1;
import dev.marketplace.events.payment.PaymentRefundedV1;
import dev.marketplace.platform.inbox.Inbox;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Payment's refunds and inventory's restocks of returns, each applied once (the inbox records it
 * with its effect). Every other reply is the checkout saga's ({@code SagaReplyListener}).
 */
@Component
class ReturnReplyListener {

  static final String CONSUMER = "order-returns";

  private static final Logger log = LoggerFactory.getLogger(ReturnReplyListener.class);

  private final Returns returns;
  private final Inbox inbox;

  ReturnReplyListener(Returns returns, Inbox inbox) {
    this.returns = returns;
    this.inbox = inbox;
  }

  @KafkaListener(
      topics = {
        "#{@topicNames.name('inventory.replies')}",
        "#{@topicNames.name('payment.replies')}"
      },
      groupId = "order-service-returns")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> reply = EventJson.read(record.value());
    @Nullable String returnId =
        switch (reply.payload()) {
          case PaymentRefundedV1 r -> r.refundId();
          case StockRestockedV1 r -> r.returnId();
          case RestockRefusedV1 r -> r.returnId();
          default -> null; // the checkout saga's replies, and refunds of no return
        };
    if (returnId != null) {
      returnId(returnId)
          .ifPresent(
              id ->
                  inbox.handleOnce(
                      CONSUMER, reply.id(), () -> returns.onReply(id, reply.payload())));
    }
  }

  private static java.util.Optional<UUID> returnId(String value) {
    try {
      return java.util.Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      log.warn("a reply names return {}, which is no return id: ignored", value);
      return java.util.Optional.empty();
    }
  }
}
