package dev.marketplace.order.privacy;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.CustomerErasedV1;
import dev.marketplace.events.customer.CustomerErasureConfirmedV1;
import dev.marketplace.order.cart.Carts;
import dev.marketplace.order.order.OrderService;
import dev.marketplace.order.returns.Returns;
import dev.marketplace.platform.inbox.Inbox;
import dev.marketplace.platform.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erases what order-service holds about an erased customer, once per erasure event: the cart (in
 * Redis, first, and idempotent, so a Redis failure retries the whole event), then, in one
 * transaction with the inbox record, the orders' link to the customer (pseudonymised: orders stay
 * for accounting), the delivery addresses of closed orders (an open order's when it closes) and the
 * checkout idempotency records; and confirms it for the erasure report.
 */
@Component
class CustomerErasureListener {

  static final String CONSUMER = "order-erasure";
  static final String SERVICE = "order-service";

  private final Carts carts;
  private final OrderService orders;
  private final Returns returns;
  private final Inbox inbox;
  private final Outbox outbox;
  private final Clock clock;

  CustomerErasureListener(
      Carts carts, OrderService orders, Returns returns, Inbox inbox, Outbox outbox, Clock clock) {
    this.carts = carts;
    this.orders = orders;
    this.returns = returns;
    this.inbox = inbox;
    this.outbox = outbox;
    this.clock = clock;
  }

  @KafkaListener(
      topics = "#{@topicNames.name('customer.accounts')}",
      groupId = "order-service-erasure")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope<?> event = EventJson.read(record.value());
    if (event.payload() instanceof CustomerErasedV1 erased) {
      carts.clear(erased.customerId());
      inbox.handleOnce(CONSUMER, event.id(), () -> erase(erased.customerId()));
    }
  }

  private void erase(String customerId) {
    // One pseudonym per erasure: the customer's orders stay together, linked to no one.
    String pseudonym = "erased-" + UUID.randomUUID();
    OrderService.Erasure erasure = orders.pseudonymiseCustomer(customerId, pseudonym);
    int returned = returns.pseudonymiseCustomer(customerId, pseudonym);
    outbox.publish(
        Topics.CUSTOMER_ERASURES,
        new CustomerErasureConfirmedV1(
            customerId,
            SERVICE,
            List.of(
                "cart deleted",
                erasure.ordersPseudonymised()
                    + " orders pseudonymised (kept for accounting, card reference removed)",
                erasure.addressesDeleted() + " delivery addresses deleted",
                returned + " returns pseudonymised (kept for accounting)",
                erasure.addressesKept()
                    + " delivery addresses kept until their open orders close, then deleted",
                "checkout idempotency records deleted"),
            clock.instant()));
  }
}
