/**
 * Events and saga messages of inventory-service: stock reservations (commands and replies) and
 * availability.
 */
@NullMarked
package dev.marketplace.events.inventory;

import org.jspecify.annotations.NullMarked;
