/**
 * Resource-server defaults: roles from the token, problem+json on 401 and 403, per-service path
 * rules.
 */
@NullMarked
package dev.marketplace.platform.security;

import org.jspecify.annotations.NullMarked;
