package dev.marketplace.events.catalog;

import dev.marketplace.events.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The full state of a product after a change (event-carried state transfer). Consumers keep the
 * newest {@code productVersion} and ignore older ones, so duplicates and reordering are harmless,
 * and the compacted topic alone can rebuild any projection.
 */
public record ProductChangedV1(
    String productId,
    long productVersion,
    String vendorId,
    Status status,
    String name,
    @Nullable String description,
    @Nullable String brand,
    @Nullable String categoryId,
    Map<String, String> attributes,
    List<Variant> variants,
    List<String> mediaUrls,
    Instant createdAt,
    Instant updatedAt)
    implements Event {

  public ProductChangedV1 {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    variants = variants == null ? List.of() : List.copyOf(variants);
    mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
  }

  @Override
  public String key() {
    return productId;
  }

  /** Only PUBLISHED products are visible to shoppers. */
  public enum Status {
    DRAFT,
    PUBLISHED,
    ARCHIVED
  }

  /** A sellable variant; its price is in minor units of an ISO 4217 currency. */
  public record Variant(
      String sku, Map<String, String> attributes, long priceMinor, String currency) {

    public Variant {
      attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
  }
}
