/**
 * Where each path goes: upstream services, their timeouts and circuit breakers, the headers they
 * receive.
 */
@NullMarked
package dev.marketplace.gateway.routing;

import org.jspecify.annotations.NullMarked;
