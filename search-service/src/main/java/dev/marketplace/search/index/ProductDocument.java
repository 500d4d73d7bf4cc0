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
 *
 * @param inStock whether any variant can be bought now (a SKU inventory has announced nothing for
 *     cannot)
 * @param availableSkus the SKUs that can be bought now
 * @param stock what is known of each SKU's stock, with its version (not indexed)
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
    Instant updatedAt,
    boolean inStock,
    List<String> availableSkus,
    Map<String, SkuStock> stock) {

  /**
   * The searchable form of a product event with what is known of its SKUs' stock; variant
   * attributes count as product attributes too.
   */
  public static ProductDocument of(ProductChangedV1 product, Map<String, SkuStock> stock) {
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
    List<String> skus = product.variants().stream().map(ProductChangedV1.Variant::sku).toList();
    List<String> availableSkus =
        skus.stream()
            .distinct()
            .filter(sku -> stock.containsKey(sku) && stock.get(sku).sellable())
            .toList();
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
        skus,
        min,
        max,
        currency,
        product.mediaUrls().isEmpty() ? null : product.mediaUrls().getFirst(),
        product.createdAt(),
        product.updatedAt(),
        !availableSkus.isEmpty(),
        availableSkus,
        stock);
  }

  private static void add(Map<String, List<String>> attributes, String key, String value) {
    List<String> values = attributes.computeIfAbsent(key, k -> new java.util.ArrayList<>());
    if (!values.contains(value)) {
      values.add(value);
    }
  }
}
