package dev.marketplace.catalog.product;

import org.jspecify.annotations.Nullable;

/**
 * An event recorded in the product document by the same write that made the change, waiting for the
 * relay to publish it. Stored as the envelope's JSON so the relay needs no knowledge of event
 * shapes; the envelope's trace context is kept beside it so the relay can send the event in the
 * trace of the request that caused it without parsing the JSON.
 *
 * @param traceparent the envelope's W3C trace context; null for events stored before it was kept
 */
public record PendingEvent(String eventId, String json, @Nullable String traceparent) {}
