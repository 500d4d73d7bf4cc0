/**
 * The envelope, topic names and JSON form shared by every service that publishes or consumes
 * events.
 */
@NullMarked
package dev.marketplace.events;

import org.jspecify.annotations.NullMarked;
