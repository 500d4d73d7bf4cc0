package dev.marketplace.order.order;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.MalformedEventException;
import dev.marketplace.platform.inbox.Inbox;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds inventory's and payment's replies to their orders, each once (the inbox records it in the
 * same transaction as the order's change). Replies the saga does not act on (a capture or a commit
 * confirmed) are recorded and otherwise ignored.
 */
@Component
class SagaReplyListener {

  static final String CONSUMER = "order-saga";

  private final OrderService orders;
  private final Inbox inbox;

  SagaReplyListener(OrderService orders, Inbox inbox) {
    this.orders = orders;
    this.inbox = inbox;
  }

  @KafkaListener(
      topics = {
        "#{@topicNames.name('inventory.replies')}",
        "#{@topicNames.name('payment.replies')}"
      },
      groupId = "order-service-saga")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> reply = EventJson.read(record.value());
    UUID orderId = orderId(reply);
    inbox.handleOnce(CONSUMER, reply.id(), () -> apply(orderId, reply));
  }

  /**
   * Our order ids are UUIDs. A reply keyed by anything else can never apply: it is malformed, so it
   * goes to the dead-letter topic at once instead of being retried (an IllegalArgumentException
   * would be retried four times, holding up the partition's other replies for nothing).
   */
  private static UUID orderId(EventEnvelope<?> reply) {
    try {
      return UUID.fromString(reply.key());
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("reply for " + reply.key() + ", which is no order id", e);
    }
  }

  private void apply(UUID orderId, EventEnvelope<?> reply) {
    // StockCommitted, PaymentCaptured, PaymentRefunded: confirmations no state of the saga takes,
    // so the order is not even locked for them.
    if (Order.sagaTakes(reply.payload().getClass())) {
      orders.onReply(orderId, (order, now) -> order.reply(reply.payload(), now));
    }
  }
}
