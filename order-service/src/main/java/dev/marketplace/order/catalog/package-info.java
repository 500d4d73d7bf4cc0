/**
 * What order-service knows about products (a projection of catalog events): prices, vendors, what
 * can be sold.
 */
@NullMarked
package dev.marketplace.order.catalog;

import org.jspecify.annotations.NullMarked;
