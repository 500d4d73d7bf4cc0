/** Wiring: engine compatibility (Elasticsearch or OpenSearch), security rules, settings. */
@NullMarked
package dev.marketplace.search.config;

import org.jspecify.annotations.NullMarked;
