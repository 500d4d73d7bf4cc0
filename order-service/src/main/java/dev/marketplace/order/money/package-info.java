/** Money: integer minor units of one currency, the one form amounts take in order-service. */
@NullMarked
package dev.marketplace.order.money;

import org.jspecify.annotations.NullMarked;
