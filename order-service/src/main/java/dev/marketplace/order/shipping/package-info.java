/**
 * What shipping costs: each vendor's rates per destination country, and the quote of a cart's or an
 * order's vendor parts.
 */
@NullMarked
package dev.marketplace.order.shipping;

import org.jspecify.annotations.NullMarked;
