package dev.marketplace.payment.payment;

import dev.marketplace.payment.money.Money;

/** What a payment transition did, as the aggregate records it for the ledger. */
public sealed interface PaymentEvent {

  /** The amount is held on the card. */
  record Authorized(Money amount) implements PaymentEvent {}

  /** A vendor's part was taken from the hold. */
  record Captured(String vendorId, Money amount) implements PaymentEvent {}

  /** The rest of the hold was released. */
  record Voided(Money released) implements PaymentEvent {}

  /** A captured vendor part (or some of it) was given back, in the refund named by the key. */
  record Refunded(String vendorId, String refundKey, Money amount) implements PaymentEvent {}
}
