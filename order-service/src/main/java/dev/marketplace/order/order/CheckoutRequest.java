package dev.marketplace.order.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Checkout of the shopper's cart with one of their saved cards (payment-service's method id). */
public record CheckoutRequest(@NotBlank @Size(max = 100) String cardToken) {}
