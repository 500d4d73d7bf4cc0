/**
 * Kafka defaults: topic names with an environment prefix, retry with back-off, dead-letter topics.
 */
@NullMarked
package dev.marketplace.platform.kafka;

import org.jspecify.annotations.NullMarked;
