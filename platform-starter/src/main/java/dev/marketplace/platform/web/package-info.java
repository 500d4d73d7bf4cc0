/** Problem+json error responses and request limits for every HTTP API. */
@NullMarked
package dev.marketplace.platform.web;

import org.jspecify.annotations.NullMarked;
