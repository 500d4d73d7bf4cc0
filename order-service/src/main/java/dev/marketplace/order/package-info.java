/** order-service: carts, checkout, orders and the order saga. */
@NullMarked
package dev.marketplace.order;

import org.jspecify.annotations.NullMarked;
