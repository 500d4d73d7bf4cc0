package dev.marketplace.order.order;

import dev.marketplace.order.delivery.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Checkout of the shopper's cart with one of their saved cards (payment-service's method id), to
 * one of their saved addresses ({@code addressId}, customer-service's) or to an address given
 * inline ({@code address}): one of the two.
 */
public record CheckoutRequest(
    @NotBlank @Size(max = 100) String cardToken,
    @Nullable UUID addressId,
    @Nullable @Valid ShippingAddress address) {

  /** What makes two requests the same checkout, for the Idempotency-Key's check. */
  String fingerprint() {
    return String.join(
        "\n", cardToken, String.valueOf(addressId), address == null ? "" : address.fingerprint());
  }
}
