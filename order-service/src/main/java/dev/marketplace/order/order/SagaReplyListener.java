package dev.marketplace.order.order;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.inventory.StockReleasedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentFailedV1;
import dev.marketplace.events.payment.PaymentVoidedV1;
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
    switch (reply.payload()) {
      case StockReservedV1 r -> orders.onReply(orderId, (o, now) -> o.stockReserved(now));
      case StockReservationFailedV1 r ->
          orders.onReply(orderId, (o, now) -> o.stockReservationFailed(r.shortages(), now));
      case StockReleasedV1 r -> orders.onReply(orderId, (o, now) -> o.stockReleased(now));
      case PaymentAuthorizedV1 r ->
          orders.onReply(orderId, (o, now) -> o.paymentAuthorized(r.paymentId(), now));
      case PaymentFailedV1 r ->
          orders.onReply(orderId, (o, now) -> o.paymentFailed(r.reason().name(), now));
      case PaymentVoidedV1 r -> orders.onReply(orderId, (o, now) -> o.paymentVoided(now));
      default -> {
        // StockCommitted, PaymentCaptured, PaymentRefunded: confirmations the saga needs no step
        // for.
      }
    }
  }
}
