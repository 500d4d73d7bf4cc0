package dev.marketplace.events.audit;

import dev.marketplace.events.Event;
import java.time.Instant;
import java.util.List;

/**
 * Something to keep in the audit trail: who did what to which resource, when, from where, with what
 * outcome. Personal data is masked before it is sent: the actor is an account or client id, the
 * client address keeps its network part only.
 *
 * @param service the service where it happened
 * @param actor the token's subject, or {@code anonymous}
 * @param action e.g. {@code POST /api/v1/admin/vendors/{vendorId}/suspend}, {@code sign-in.lockout}
 * @param resource what it was done to, e.g. the request path or a masked key
 * @param clientAddress the caller's address, masked
 */
public record AuditEventRecordedV1(
    String service,
    String actor,
    List<String> actorRoles,
    String action,
    String resource,
    Outcome outcome,
    String clientAddress,
    Instant occurredAt)
    implements Event {

  /** One partition: the trail is one sequence. */
  @Override
  public String key() {
    return service;
  }

  public enum Outcome {
    /** Done. */
    SUCCEEDED,
    /** Refused: not authenticated, not allowed, or a lockout. */
    DENIED,
    /** Attempted and failed (invalid input, a conflict, an error). */
    FAILED
  }
}
