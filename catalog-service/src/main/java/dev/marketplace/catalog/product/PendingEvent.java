package dev.marketplace.catalog.product;

/**
 * An event recorded in the product document by the same write that made the change, waiting for the
 * relay to publish it. Stored as the envelope's JSON so the relay needs no knowledge of event
 * shapes.
 */
public record PendingEvent(String eventId, String json) {}
