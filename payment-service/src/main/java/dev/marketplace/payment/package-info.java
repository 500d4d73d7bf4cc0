/** payment-service: card tokens, payments through a provider port, and the payment ledger. */
@NullMarked
package dev.marketplace.payment;

import org.jspecify.annotations.NullMarked;
