/** Settings of the gateway (every {@code marketplace.gateway.*} property) and process wiring. */
@NullMarked
package dev.marketplace.gateway.config;

import org.jspecify.annotations.NullMarked;
