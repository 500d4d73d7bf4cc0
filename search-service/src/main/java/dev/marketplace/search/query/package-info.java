/** The public search API: full text, filters, facets, sorts, pages and autocomplete. */
@NullMarked
package dev.marketplace.search.query;

import org.jspecify.annotations.NullMarked;
