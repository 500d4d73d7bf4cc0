/**
 * The exceptions domain objects throw, free of HTTP: the platform's problem advice maps them to
 * problems (400 naming the field, or 409), so every service answers them the same way.
 */
@NullMarked
package dev.marketplace.platform.domain;

import org.jspecify.annotations.NullMarked;
