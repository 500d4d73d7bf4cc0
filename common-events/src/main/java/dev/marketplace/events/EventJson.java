package dev.marketplace.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of events on the wire. Readers are tolerant (unknown fields are ignored), so a
 * producer may add an optional field to a version without breaking consumers; anything else needs a
 * new version.
 */
public final class EventJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private EventJson() {}

  public static String write(EventEnvelope<?> envelope) {
    return MAPPER.writeValueAsString(envelope);
  }

  /**
   * Reads an envelope and its payload as the record registered for its type and version.
   *
   * @throws MalformedEventException if the text is not an envelope of a known event type
   */
  public static EventEnvelope<Event> read(String json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      EventType type = new EventType(tree.path("type").asString(""), tree.path("version").asInt(0));
      Class<? extends Event> payloadClass =
          EventTypes.recordOf(type)
              .orElseThrow(() -> new MalformedEventException("unknown event type " + type));
      JsonNode payloadNode = tree.path("payload");
      if (!payloadNode.isObject()) {
        throw new MalformedEventException("event " + type + " has no payload object");
      }
      Event payload = MAPPER.treeToValue(payloadNode, payloadClass);
      return new EventEnvelope<>(
          MAPPER.treeToValue(tree.path("id"), java.util.UUID.class),
          type.name(),
          type.version(),
          tree.path("source").asString(""),
          MAPPER.treeToValue(tree.path("time"), java.time.Instant.class),
          tree.path("key").asString(""),
          tree.path("traceparent").isString() ? tree.path("traceparent").asString() : null,
          payload);
    } catch (MalformedEventException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedEventException("not a readable event: " + e.getMessage(), e);
    }
  }

  /** The mapper itself, for contract tests that compare JSON trees. */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
