package dev.marketplace.payment.card;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored card as the shopper sees it. {@code id} is the card token to give at checkout (the
 * saga's {@code cardToken}).
 */
public record PaymentMethodView(
    UUID id, CardBrand brand, String lastFour, int expiryMonth, int expiryYear, Instant createdAt) {

  static PaymentMethodView of(PaymentMethod method) {
    return new PaymentMethodView(
        method.id(),
        method.brand(),
        method.lastFour(),
        method.expiryMonth(),
        method.expiryYear(),
        method.createdAt());
  }
}
