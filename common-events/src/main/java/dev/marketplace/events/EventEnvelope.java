package dev.marketplace.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What travels on every topic: metadata a consumer needs before it looks at the payload.
 *
 * @param id unique per event; consumers deduplicate on it
 * @param type stable event name, e.g. {@code catalog.product.changed}
 * @param version payload version; a new incompatible shape is a new version and a new record
 * @param source the service that published it
 * @param time when the change happened in the source service
 * @param key the aggregate id, also the Kafka record key (so one aggregate stays in one partition)
 * @param traceparent W3C trace context of the request that caused the change, if any
 * @param payload the versioned event record
 */
public record EventEnvelope<T extends Event>(
    UUID id,
    String type,
    int version,
    String source,
    Instant time,
    String key,
    @Nullable String traceparent,
    T payload) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
  }

  /** Wraps a payload in a new envelope, taking type and version from the payload's registration. */
  public static <T extends Event> EventEnvelope<T> of(
      String source, Instant time, @Nullable String traceparent, T payload) {
    EventType eventType = EventTypes.typeOf(payload.getClass());
    return new EventEnvelope<>(
        UUID.randomUUID(),
        eventType.name(),
        eventType.version(),
        source,
        time,
        payload.key(),
        traceparent,
        payload);
  }
}
