/** Personal data at rest: field-level AES-256-GCM encryption and blind indexes for lookups. */
@NullMarked
package dev.marketplace.customer.privacy;

import org.jspecify.annotations.NullMarked;
