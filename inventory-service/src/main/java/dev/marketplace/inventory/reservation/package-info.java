/** Stock reservations for the order saga: reserve all lines or none, release, commit, expire. */
@NullMarked
package dev.marketplace.inventory.reservation;

import org.jspecify.annotations.NullMarked;
