package dev.marketplace.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A product as the APIs show it. {@code version} is the value to send back in If-Match. */
public record ProductView(
    String id,
    String vendorId,
    ProductStatus status,
    long version,
    String name,
    @Nullable String description,
    @Nullable String brand,
    @Nullable String categoryId,
    Map<String, String> attributes,
    List<VariantView> variants,
    List<String> mediaUrls,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant publishedAt) {

  public record VariantView(String sku, Map<String, String> attributes, PriceView price) {}

  public record PriceView(long amount, String currency) {}

  static ProductView of(Product product) {
    ProductDetails d = product.details();
    return new ProductView(
        product.id(),
        product.vendorId(),
        product.status(),
        product.revision(),
        d.name(),
        d.description(),
        d.brand(),
        d.categoryId(),
        d.attributes(),
        d.variants().stream()
            .map(
                v ->
                    new VariantView(
                        v.sku(),
                        v.attributes(),
                        new PriceView(v.price().amountMinor(), v.price().currency())))
            .toList(),
        d.mediaUrls(),
        product.createdAt(),
        product.updatedAt(),
        product.publishedAt());
  }
}
