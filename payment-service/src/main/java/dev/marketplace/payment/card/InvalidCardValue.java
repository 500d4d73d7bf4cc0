package dev.marketplace.payment.card;

/**
 * One card value is invalid. The message is fixed text, and the exception carries no stack trace:
 * it is control flow inside validation, collected into an {@link InvalidCardException}.
 */
class InvalidCardValue extends RuntimeException {

  InvalidCardValue(String message) {
    super(message, null, false, false);
  }
}
