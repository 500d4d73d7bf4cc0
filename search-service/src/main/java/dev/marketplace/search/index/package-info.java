/** Keeping the index in step with product events, and rebuilding it from the compacted topic. */
@NullMarked
package dev.marketplace.search.index;

import org.jspecify.annotations.NullMarked;
