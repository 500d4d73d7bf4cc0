/** Amounts of money: integer minor units with their ISO 4217 currency, never floating point. */
@NullMarked
package dev.marketplace.payment.money;

import org.jspecify.annotations.NullMarked;
