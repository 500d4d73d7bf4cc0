package dev.marketplace.catalog.product;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Everything a vendor describes about a product; replaced as a whole on update. */
public record ProductDetails(
    String name,
    @Nullable String description,
    @Nullable String brand,
    @Nullable String categoryId,
    Map<String, String> attributes,
    List<Variant> variants,
    List<String> mediaUrls) {

  public ProductDetails {
    attributes = Map.copyOf(attributes);
    variants = List.copyOf(variants);
    mediaUrls = List.copyOf(mediaUrls);
    if (variants.isEmpty()) {
      throw new InvalidProductException("variants", "must contain at least one variant");
    }
    Set<String> skus = new HashSet<>();
    for (Variant variant : variants) {
      if (!skus.add(variant.sku())) {
        throw new InvalidProductException("variants", "duplicate sku " + variant.sku());
      }
    }
    String currency = variants.getFirst().price().currency();
    if (variants.stream().anyMatch(v -> !v.price().currency().equals(currency))) {
      throw new InvalidProductException("variants", "all variants must be priced in one currency");
    }
  }
}
