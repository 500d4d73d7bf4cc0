/**
 * The inbox: a consumer records each handled event id in the same transaction as the event's
 * effect, so a redelivered event changes nothing the second time.
 */
@NullMarked
package dev.marketplace.platform.inbox;

import org.jspecify.annotations.NullMarked;
