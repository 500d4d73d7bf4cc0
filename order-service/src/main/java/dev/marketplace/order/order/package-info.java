/**
 * Orders and the order saga: a PENDING order reserves stock, then authorises payment, and ends
 * CONFIRMED or CANCELLED; vendors ship their parts.
 */
@NullMarked
package dev.marketplace.order.order;

import org.jspecify.annotations.NullMarked;
