/** Vendors as organisations: onboarding (pending, approved, suspended) and their API clients. */
@NullMarked
package dev.marketplace.customer.vendor;

import org.jspecify.annotations.NullMarked;
