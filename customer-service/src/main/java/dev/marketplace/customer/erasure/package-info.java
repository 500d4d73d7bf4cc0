/**
 * The erasure report: which service confirmed erasing what about an erased customer, and when.
 * customer-service confirms its own part as it erases; the others confirm with {@code
 * customer.erasure-confirmed} events.
 */
@NullMarked
package dev.marketplace.customer.erasure;

import org.jspecify.annotations.NullMarked;
