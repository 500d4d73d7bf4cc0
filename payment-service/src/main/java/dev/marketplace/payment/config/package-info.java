/** Wiring: the clock, the API's access rules and the saga topics. */
@NullMarked
package dev.marketplace.payment.config;

import org.jspecify.annotations.NullMarked;
