/** Platform-wide default properties, applied before a service's own configuration. */
@NullMarked
package dev.marketplace.platform.config;

import org.jspecify.annotations.NullMarked;
