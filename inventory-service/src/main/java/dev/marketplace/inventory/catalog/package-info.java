/** Which SKUs exist and which vendor owns them, kept from the catalog's product events. */
@NullMarked
package dev.marketplace.inventory.catalog;

import org.jspecify.annotations.NullMarked;
