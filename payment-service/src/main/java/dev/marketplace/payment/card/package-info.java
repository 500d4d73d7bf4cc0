/**
 * Card tokenisation: a shopper's card details are validated, handed to the provider once and
 * replaced by its token; only the token, brand, last four digits and expiry are kept.
 */
@NullMarked
package dev.marketplace.payment.card;

import org.jspecify.annotations.NullMarked;
