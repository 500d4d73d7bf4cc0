/** Point-of-sale ingest: sales made at a store's till, applied to its stock once each. */
@NullMarked
package dev.marketplace.inventory.sales;

import org.jspecify.annotations.NullMarked;
