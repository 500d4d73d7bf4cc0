package dev.marketplace.search.index;

import dev.marketplace.events.catalog.ProductChangedV1;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A product as the index holds it: what shoppers search, filter, facet and sort on. Prices are long
 * minor units (the "from" and "to" price over the variants), never floating point.
 */
public record ProductDocument(
    String productId,
    String vendorId,
    String status,
    Long version,
    String name,
    String nameSuggest,
    @Nullable String description,
    @Nullable String brand,
    @Nullable String categoryId,
    Map<String, String> attributes,
    List<String> attributeFacets,
    String attributeText,
    List<String> skus,
    Long priceMin,
    Long priceMax,
    String currency,
    @Nullable String imageUrl,
    Instant createdAt,
    Instant updatedAt) {

  /** The searchable form of a product event; variant attributes count as product attributes too. */
  public static ProductDocument of(ProductChangedV1 product) {
    Map<String, List<String>> allAttributes = new TreeMap<>();
    product.attributes().forEach((k, v) -> add(allAttributes, k, v));
    product
        .variants()
        .forEach(v -> v.attributes().forEach((k, value) -> add(allAttributes, k, value)));
    List<String> facets =
        allAttributes.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v))
            .toList();
    String attributeText =
        allAttributes.entrySet().stream()
            .map(e -> e.getKey() + " " + String.join(" ", e.getValue()))
            .collect(Collectors.joining(" "));
    long min =
        product.variants().stream().mapToLong(ProductChangedV1.Variant::priceMinor).min().orElse(0);
    long max =
        product.variants().stream().mapToLong(ProductChangedV1.Variant::priceMinor).max().orElse(0);
    String currency = product.variants().isEmpty() ? "" : product.variants().getFirst().currency();
    return new ProductDocument(
        product.productId(),
        product.vendorId(),
        product.status().name(),
        product.productVersion(),
        product.name(),
        product.name(),
        product.description(),
        product.brand(),
        product.categoryId(),
        product.attributes(),
        facets,
        attributeText,
        product.variants().stream().map(ProductChangedV1.Variant::sku).toList(),
        min,
        max,
        currency,
        product.mediaUrls().isEmpty() ? null : product.mediaUrls().getFirst(),
        product.createdAt(),
        product.updatedAt());
  }

  private static void add(Map<String, List<String>> attributes, String key, String value) {
    List<String> values = attributes.computeIfAbsent(key, k -> new java.util.ArrayList<>());
    if (!values.contains(value)) {
      values.add(value);
    }
  }
}
