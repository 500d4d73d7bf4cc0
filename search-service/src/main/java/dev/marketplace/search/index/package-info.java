/**
 * Keeping the product index in step with product and stock events, and rebuilding it from the
 * compacted topics.
 */
@NullMarked
package dev.marketplace.search.index;

import org.jspecify.annotations.NullMarked;
