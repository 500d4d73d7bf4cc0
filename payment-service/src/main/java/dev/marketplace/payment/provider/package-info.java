/**
 * The payment provider port: what payment-service needs from a card processor (tokenise, authorise,
 * capture, void, refund, each idempotent per key), and the retries around it.
 */
@NullMarked
package dev.marketplace.payment.provider;

import org.jspecify.annotations.NullMarked;
