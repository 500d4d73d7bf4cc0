/**
 * Where an order goes: the address the shopper chose at checkout (saved in customer-service, or
 * given inline), kept with the order as a sealed snapshot that its shopper, its vendors and support
 * staff may read, and that is erased with the shopper once no open order needs it.
 */
@NullMarked
package dev.marketplace.order.delivery;

import org.jspecify.annotations.NullMarked;
