package dev.marketplace.platform.outbox;

import java.util.UUID;

/**
 * One event waiting in the outbox: the Kafka record it becomes, already in its final form. The
 * registry stores this record as it is, so what is sent later does not depend on code that may have
 * changed by then.
 *
 * @param topic the full topic name (environment prefix included)
 * @param key the record key: the aggregate id, so one aggregate's events share a partition
 * @param eventId the envelope's id, for logs and for consumers' inboxes
 * @param json the envelope as written by {@code EventJson}
 */
public record OutboxMessage(String topic, String key, UUID eventId, String json) {}
