/** Returned goods put back on hand at the vendor's location, once per return. */
@NullMarked
package dev.marketplace.inventory.returns;

import org.jspecify.annotations.NullMarked;
