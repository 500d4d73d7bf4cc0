/** Every error the gateway answers itself, as RFC 9457 problem+json with a stable type. */
@NullMarked
package dev.marketplace.gateway.errors;

import org.jspecify.annotations.NullMarked;
