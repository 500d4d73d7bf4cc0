/** Wiring that belongs to no single feature. */
@NullMarked
package dev.marketplace.order.config;

import org.jspecify.annotations.NullMarked;
