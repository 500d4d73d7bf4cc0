/**
 * Filters every request passes: the client's real address and origin, body size, correlation id.
 */
@NullMarked
package dev.marketplace.gateway.web;

import org.jspecify.annotations.NullMarked;
