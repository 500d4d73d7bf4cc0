package dev.marketplace.payment.payment;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.MalformedEventException;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.RefundPaymentV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The saga's commands to payment. Failures are thrown: the platform retries them with back-off and
 * then dead-letters them to {@code payment.commands.dlt}; a malformed record, or anything that is
 * not a payment command, goes there at once. Either way the partition moves on.
 */
@Component
class PaymentCommandListener {

  /** The consumer's name, for its group and its inbox. */
  static final String CONSUMER = "payment-commands";

  private final AuthorizationHandler authorizations;
  private final CaptureHandler captures;
  private final VoidHandler voids;
  private final RefundHandler refunds;

  PaymentCommandListener(
      AuthorizationHandler authorizations,
      CaptureHandler captures,
      VoidHandler voids,
      RefundHandler refunds) {
    this.authorizations = authorizations;
    this.captures = captures;
    this.voids = voids;
    this.refunds = refunds;
  }

  @KafkaListener(
      id = CONSUMER,
      topics = "#{@topicNames.name(T(dev.marketplace.events.Topics).PAYMENT_COMMANDS)}")
  void on(ConsumerRecord<String, String> record) {
    handle(EventJson.read(record.value()));
  }

  void handle(EventEnvelope<Event> command) {
    switch (command.payload()) {
      case AuthorizePaymentV1 authorize -> authorizations.handle(command.id(), authorize);
      case CapturePaymentV1 capture -> captures.handle(command.id(), capture);
      case VoidPaymentV1 voiding -> voids.handle(command.id(), voiding);
      case RefundPaymentV1 refund -> refunds.handle(command.id(), refund);
      default -> throw new MalformedEventException("not a payment command: " + command.type());
    }
  }
}
