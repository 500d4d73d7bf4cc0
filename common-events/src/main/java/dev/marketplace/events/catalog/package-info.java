/** Events published by catalog-service about products. */
@NullMarked
package dev.marketplace.events.catalog;

import org.jspecify.annotations.NullMarked;
