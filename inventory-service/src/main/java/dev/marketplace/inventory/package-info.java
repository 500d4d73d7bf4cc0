/**
 * inventory-service: stock per SKU per location, store sales, reservations for the order saga,
 * availability events.
 */
@NullMarked
package dev.marketplace.inventory;

import org.jspecify.annotations.NullMarked;
