package dev.marketplace.payment.card;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A card as the shopper submits it. Every field is optional here so that validation, not JSON
 * binding, reports what is missing, with messages that never repeat a value. {@code toString} is
 * overridden because a record's default one would print the number and security code.
 */
public record CardRequest(
    @Schema(description = "Card number; spaces and hyphens allowed", example = "4242424242424242")
        @Nullable String number,
    @Schema(example = "12") @Nullable Integer expiryMonth,
    @Schema(example = "2030") @Nullable Integer expiryYear,
    @Schema(description = "Security code: 3 digits, 4 for American Express", example = "123")
        @Nullable String cvc,
    @Schema(example = "Ada Lovelace") @Nullable String holderName) {

  @Override
  public String toString() {
    return "CardRequest[number=<redacted>, expiry="
        + expiryMonth
        + "/"
        + expiryYear
        + ", cvc=<redacted>]";
  }
}
