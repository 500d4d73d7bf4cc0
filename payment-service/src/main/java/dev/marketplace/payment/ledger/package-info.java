/**
 * The payment ledger: double-entry transactions, each balanced (debits equal credits, in one
 * currency), appended once per reference and never changed.
 */
@NullMarked
package dev.marketplace.payment.ledger;

import org.jspecify.annotations.NullMarked;
