/** Products: the aggregate, its vendor and public APIs, and the events each change records. */
@NullMarked
package dev.marketplace.catalog.product;

import org.jspecify.annotations.NullMarked;
