/** What order-service does when a customer is erased: carts gone, orders pseudonymised. */
@NullMarked
package dev.marketplace.order.privacy;

import org.jspecify.annotations.NullMarked;
