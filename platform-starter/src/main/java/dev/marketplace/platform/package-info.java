/**
 * What every marketplace service gets by depending on platform-starter: defaults, problem+json
 * errors, resource-server security, Kafka retries and dead letters, topic names, and trace context
 * for events.
 */
@NullMarked
package dev.marketplace.platform;

import org.jspecify.annotations.NullMarked;
