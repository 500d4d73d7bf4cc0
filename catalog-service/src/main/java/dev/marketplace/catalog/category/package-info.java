/** Categories products are filed under; public to read, staff-managed. */
@NullMarked
package dev.marketplace.catalog.category;

import org.jspecify.annotations.NullMarked;
