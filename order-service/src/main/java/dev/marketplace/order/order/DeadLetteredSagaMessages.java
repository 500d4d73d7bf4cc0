package dev.marketplace.order.order;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.order.saga.Participant;
import dev.marketplace.platform.kafka.TopicNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Saga commands that inventory or payment dead-lettered, and replies order-service itself could not
 * apply, will never be answered or applied: their orders compensate at once, instead of waiting for
 * their step's deadline ({@code marketplace_saga_dead_letters_total{participant}}).
 */
@Component
class DeadLetteredSagaMessages {

  private static final Logger log = LoggerFactory.getLogger(DeadLetteredSagaMessages.class);

  private final OrderService orders;
  private final TopicNames topics;
  private final MeterRegistry meters;

  DeadLetteredSagaMessages(OrderService orders, TopicNames topics, MeterRegistry meters) {
    this.orders = orders;
    this.topics = topics;
    this.meters = meters;
    // From zero, so the alert's increase() sees the first one.
    for (Participant participant : Participant.values()) {
      counter(participant);
    }
  }

  private Counter counter(Participant participant) {
    return Counter.builder("marketplace.saga.dead.letters")
        .description("Orders compensated because a saga message was dead-lettered")
        .tag("participant", participant.service())
        .register(meters);
  }

  @KafkaListener(
      topics = {
        "#{@topicNames.deadLetter(@topicNames.name('inventory.commands'))}",
        "#{@topicNames.deadLetter(@topicNames.name('inventory.replies'))}",
        "#{@topicNames.deadLetter(@topicNames.name('payment.commands'))}",
        "#{@topicNames.deadLetter(@topicNames.name('payment.replies'))}"
      },
      groupId = "order-service-dead-letters")
  void on(ConsumerRecord<String, String> record) {
    Participant participant =
        record.topic().startsWith(topics.name(Topics.INVENTORY_COMMANDS))
                || record.topic().startsWith(topics.name(Topics.INVENTORY_REPLIES))
            ? Participant.INVENTORY
            : Participant.PAYMENT;
    UUID orderId;
    try {
      orderId = UUID.fromString(String.valueOf(record.key()));
    } catch (IllegalArgumentException e) {
      log.warn(
          "dead letter on {} names no order (key {}): nothing to compensate",
          record.topic(),
          record.key());
      return;
    }
    orders
        .stepDeadLettered(orderId, participant, describe(record))
        .ifPresent(step -> counter(participant).increment());
  }

  private static String describe(ConsumerRecord<String, String> record) {
    try {
      return "its " + EventJson.read(record.value()).payload().getClass().getSimpleName();
    } catch (RuntimeException e) {
      return "a message on " + record.topic();
    }
  }
}
