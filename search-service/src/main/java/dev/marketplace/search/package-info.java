/**
 * search-service: the product search index, a projection of catalog events, and the public search
 * API.
 */
@NullMarked
package dev.marketplace.search;

import org.jspecify.annotations.NullMarked;
