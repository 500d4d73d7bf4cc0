/** Wiring that belongs to no single feature: security rules, topics, settings. */
@NullMarked
package dev.marketplace.inventory.config;

import org.jspecify.annotations.NullMarked;
