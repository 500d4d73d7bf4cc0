/**
 * The audit trail's sending side: every service records what staff do and security events with
 * {@link dev.marketplace.platform.audit.AuditLog}, and {@link
 * dev.marketplace.platform.audit.StaffRequestAudit} records every administrative request by itself.
 * customer-service keeps the trail.
 */
@NullMarked
package dev.marketplace.platform.audit;

import org.jspecify.annotations.NullMarked;
