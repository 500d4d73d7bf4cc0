/** The gateway: one secured, rate-limited entry point in front of every marketplace service. */
@NullMarked
package dev.marketplace.gateway;

import org.jspecify.annotations.NullMarked;
