/** Shoppers' carts, kept in Redis with a time to live. */
@NullMarked
package dev.marketplace.order.cart;

import org.jspecify.annotations.NullMarked;
