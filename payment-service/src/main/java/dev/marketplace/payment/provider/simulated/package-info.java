/**
 * The built-in simulated card processor: documented test card numbers decide each card's fate, and
 * its state (tokens, idempotency records, authorisations, captures) lives in its own tables, so it
 * honours idempotency keys across restarts as a real provider does.
 */
@NullMarked
package dev.marketplace.payment.provider.simulated;

import org.jspecify.annotations.NullMarked;
