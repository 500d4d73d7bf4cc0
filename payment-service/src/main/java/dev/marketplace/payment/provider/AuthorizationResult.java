package dev.marketplace.payment.provider;

/** What the provider answered to an authorisation. */
public sealed interface AuthorizationResult {

  /** The amount is held on the card under this authorisation. */
  record Approved(String authorizationId) implements AuthorizationResult {}

  /** The card's issuer (or the provider) refused; nothing is held. */
  record Declined(DeclineReason reason, String message) implements AuthorizationResult {}
}
