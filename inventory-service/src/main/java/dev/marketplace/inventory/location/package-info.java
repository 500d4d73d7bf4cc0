/** Warehouses and physical stores, each owned by a vendor. */
@NullMarked
package dev.marketplace.inventory.location;

import org.jspecify.annotations.NullMarked;
