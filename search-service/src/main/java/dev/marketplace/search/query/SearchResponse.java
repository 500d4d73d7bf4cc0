package dev.marketplace.search.query;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A page of hits in the platform's list envelope, plus facet counts for the whole result. */
public record SearchResponse(
    List<Hit> items, int page, int size, long totalItems, int totalPages, Facets facets) {

  public record Hit(
      String id,
      String name,
      @Nullable String brand,
      String vendorId,
      @Nullable String categoryId,
      Price price,
      Price maxPrice,
      @Nullable String imageUrl,
      Map<String, String> attributes,
      boolean inStock) {}

  public record Price(long amount, String currency) {}

  public record Facets(
      List<Count> category,
      List<Count> brand,
      List<Count> vendor,
      Map<String, List<Count>> attributes,
      @Nullable PriceRange price,
      Availability availability) {}

  public record Count(String value, long count) {}

  public record PriceRange(long min, long max) {}

  /**
   * How many of the matching products have a variant that can be bought now, and how many have none
   * (including products inventory has no stock for).
   */
  public record Availability(long inStock, long outOfStock) {}

  public record Suggestion(String productId, String name) {}
}
