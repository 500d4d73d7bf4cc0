/** Staff users (SUPPORT, ADMIN) and the first administrator. */
@NullMarked
package dev.marketplace.customer.staff;

import org.jspecify.annotations.NullMarked;
