/**
 * The audit trail: every service's audit events, kept in one hash-chained, append-only sequence
 * that administrators query and verify, for the retention set by configuration.
 */
@NullMarked
package dev.marketplace.customer.audit;

import org.jspecify.annotations.NullMarked;
