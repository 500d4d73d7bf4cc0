package dev.marketplace.search.index;

import org.jspecify.annotations.Nullable;

/**
 * What a product document keeps about the stock of one of its SKUs (in its {@code stock} object,
 * which is not indexed): the newest {@code stockVersion} it has seen, so that older news changes
 * nothing, and whether that SKU can be bought now.
 */
public record SkuStock(long version, boolean sellable) {

  /** The newer of two, either of which may be missing. */
  static @Nullable SkuStock newer(@Nullable SkuStock a, @Nullable SkuStock b) {
    if (a == null) {
      return b;
    }
    return b == null || a.version() >= b.version() ? a : b;
  }
}
