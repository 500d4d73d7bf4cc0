/**
 * Personal data at rest in customer-service: blind indexes for email lookups, and the migration
 * that bound every stored value to its row and column (the sealing itself is platform-starter's).
 */
@NullMarked
package dev.marketplace.customer.privacy;

import org.jspecify.annotations.NullMarked;
