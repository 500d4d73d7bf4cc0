/** JPA helpers every PostgreSQL service's entities share. */
@NullMarked
package dev.marketplace.platform.persistence;

import org.jspecify.annotations.NullMarked;
