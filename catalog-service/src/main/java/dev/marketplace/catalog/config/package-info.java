/** Wiring: security rules, topics, indexes. */
@NullMarked
package dev.marketplace.catalog.config;

import org.jspecify.annotations.NullMarked;
