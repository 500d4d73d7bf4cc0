package dev.marketplace.search.query;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A shopper's search, already checked: free text, filters (values of one filter are OR'ed, filters
 * are AND'ed), a sort and a page.
 *
 * @param inStock true: only products with a variant that can be bought now; false: only products
 *     with none; null: both
 */
public record SearchRequest(
    @Nullable String text,
    List<String> categories,
    List<String> brands,
    List<String> vendors,
    @Nullable Long minPrice,
    @Nullable Long maxPrice,
    @Nullable String currency,
    Map<String, List<String>> attributes,
    @Nullable Boolean inStock,
    Sort sort,
    int page,
    int size) {

  /** How results are ordered; relevance without text falls back to newest first. */
  public enum Sort {
    RELEVANCE,
    PRICE_ASC,
    PRICE_DESC,
    NEWEST;

    static @Nullable Sort parse(String value) {
      for (Sort sort : values()) {
        if (sort.name().equalsIgnoreCase(value.replace('-', '_'))) {
          return sort;
        }
      }
      return null;
    }
  }
}
