/**
 * Audit events: what staff and administrators did, and security events such as lockouts, sent by
 * every service to the one audit trail.
 */
@NullMarked
package dev.marketplace.events.audit;

import org.jspecify.annotations.NullMarked;
