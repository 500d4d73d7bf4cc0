package dev.marketplace.payment.payment;

/**
 * A command the payment cannot carry out in its state (capture before authorisation or after a
 * void, more than is left, a currency that is not the payment's). Thrown back to Kafka: retried (an
 * authorisation may still be on its way), then dead-lettered for an operator.
 */
public class IllegalPaymentOperationException extends RuntimeException {

  public IllegalPaymentOperationException(String message) {
    super(message);
  }
}
