/** Client Idempotency-Key handling for vendor requests with stock effects. */
@NullMarked
package dev.marketplace.inventory.idempotency;

import org.jspecify.annotations.NullMarked;
