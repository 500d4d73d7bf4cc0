/** catalog-service: vendors' products, variants, prices and categories, stored in MongoDB. */
@NullMarked
package dev.marketplace.catalog;

import org.jspecify.annotations.NullMarked;
