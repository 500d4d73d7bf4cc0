/** Wiring that belongs to no single feature. */
@NullMarked
package dev.marketplace.customer.config;

import org.jspecify.annotations.NullMarked;
