package dev.marketplace.payment.provider;

import dev.marketplace.payment.card.CardDetails;
import dev.marketplace.payment.money.Money;

/**
 * A card processor. Every money-moving call takes an idempotency key and honours it as real
 * providers do: a repeated key returns the first call's result and never moves money twice; the
 * same key with a different request is rejected.
 *
 * <p>Any call may throw {@link ProviderUnavailableException} (a timeout): whether it took effect is
 * unknown, so the caller repeats it with the same key. Callers never hold a database transaction
 * across a call.
 */
public interface PaymentProvider {

  /**
   * Exchanges card details for a reusable token. The details live only for this call.
   *
   * @return the provider's token for the card
   */
  String tokenize(CardDetails card);

  /**
   * Deletes a card the provider keeps for us (a shopper's erasure): the token stops working. A
   * token the provider does not know (deleted before) is not an error, so a repeat is harmless.
   */
  void deleteCard(String cardToken);

  AuthorizationResult authorize(IdempotencyKey key, String cardToken, Money amount);

  /**
   * Takes part (or all) of an authorisation.
   *
   * @return the provider's capture id
   * @throws ProviderRejectedException if more than the uncaptured rest is asked for, or the
   *     authorisation is voided
   */
  String capture(IdempotencyKey key, String authorizationId, Money amount);

  /**
   * Releases what is authorised and not captured at the time the provider handles the void.
   *
   * @return what was released: the provider's figure, which a capture racing the void may have made
   *     smaller than the caller expected
   */
  Money voidAuthorization(IdempotencyKey key, String authorizationId);

  /**
   * Gives back part or all of a capture.
   *
   * @return the provider's refund id
   * @throws ProviderRejectedException if more than the unrefunded rest is asked for
   */
  String refund(IdempotencyKey key, String captureId, Money amount);
}
