/** Events published by order-service about orders. */
@NullMarked
package dev.marketplace.events.order;

import org.jspecify.annotations.NullMarked;
