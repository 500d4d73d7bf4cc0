/**
 * Stock of a vendor's SKU across its locations: the aggregate every stock change goes through, and
 * the vendor API to set and adjust it.
 */
@NullMarked
package dev.marketplace.inventory.stock;

import org.jspecify.annotations.NullMarked;
