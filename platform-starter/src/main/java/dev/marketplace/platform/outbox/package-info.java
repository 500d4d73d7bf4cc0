/**
 * The transactional outbox for services with a relational database: an event is recorded in the
 * same transaction as the change that caused it (Spring Modulith's event publication registry),
 * then sent to Kafka after commit, and sent again until Kafka has acknowledged it.
 */
@NullMarked
package dev.marketplace.platform.outbox;

import org.jspecify.annotations.NullMarked;
