/**
 * Publishing the events recorded in product documents to Kafka, at least once, surviving crashes.
 */
@NullMarked
package dev.marketplace.catalog.outbox;

import org.jspecify.annotations.NullMarked;
