package dev.marketplace.customer.audit;

import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the trail. Its hash covers every field and the previous entry's hash, each field
 * length-prefixed so that no two different entries read the same.
 */
public record AuditEntry(
    long sequence,
    UUID eventId,
    String service,
    String actor,
    List<String> actorRoles,
    String action,
    String resource,
    Outcome outcome,
    String clientAddress,
    Instant occurredAt,
    Instant recordedAt,
    String previousHash,
    String hash) {

  /** The previous hash of the first entry ever written. */
  static final String GENESIS = "0".repeat(64);

  /** What {@link #hash} must be, computed from the other fields. */
  String expectedHash() {
    return hashOf(
        previousHash,
        Long.toString(sequence),
        eventId.toString(),
        service,
        actor,
        String.join(",", actorRoles),
        action,
        resource,
        outcome.name(),
        clientAddress,
        occurredAt.toString(),
        recordedAt.toString());
  }

  private static String hashOf(String... fields) {
    StringBuilder canonical = new StringBuilder();
    for (String field : fields) {
      canonical.append(field.length()).append(':').append(field).append(';');
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
