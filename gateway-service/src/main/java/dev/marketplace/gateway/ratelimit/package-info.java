/**
 * Request rate limits per caller (token subject, or client address when anonymous), kept in Redis.
 */
@NullMarked
package dev.marketplace.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
