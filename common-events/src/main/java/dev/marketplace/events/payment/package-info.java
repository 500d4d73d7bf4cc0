/** Saga messages of payment-service: authorise, capture, void and refund (commands and replies). */
@NullMarked
package dev.marketplace.events.payment;

import org.jspecify.annotations.NullMarked;
