/** Who may call what: token validation, per-route roles, CORS and security headers. */
@NullMarked
package dev.marketplace.gateway.security;

import org.jspecify.annotations.NullMarked;
