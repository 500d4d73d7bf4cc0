package dev.marketplace.search;

import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.catalog.ProductChangedV1.Status;
import dev.marketplace.events.catalog.ProductChangedV1.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data builder for product events. */
public final class Products {

  private String id = UUID.randomUUID().toString();
  private long version = 1;
  private String vendorId = "vendor-1";
  private Status status = Status.PUBLISHED;
  private String name = "Brass desk lamp";
  private String description = "A warm light for late reading.";
  private String brand = "Lumen";
  private String categoryId = "lighting";
  private Map<String, String> attributes = Map.of("material", "brass");
  private long price = 4999;
  private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
  private List<String> skus;

  public static Products product() {
    return new Products();
  }

  public Products id(String value) {
    id = value;
    return this;
  }

  public Products version(long value) {
    version = value;
    return this;
  }

  public Products vendor(String value) {
    vendorId = value;
    return this;
  }

  public Products status(Status value) {
    status = value;
    return this;
  }

  public Products name(String value) {
    name = value;
    return this;
  }

  public Products description(String value) {
    description = value;
    return this;
  }

  public Products brand(String value) {
    brand = value;
    return this;
  }

  public Products category(String value) {
    categoryId = value;
    return this;
  }

  public Products attributes(Map<String, String> value) {
    attributes = value;
    return this;
  }

  public Products price(long minorUnits) {
    price = minorUnits;
    return this;
  }

  public Products createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  /** One variant per SKU (by default one variant, SKU-{first 8 characters of the id}). */
  public Products skus(String... values) {
    skus = List.of(values);
    return this;
  }

  public ProductChangedV1 build() {
    return new ProductChangedV1(
        id,
        version,
        vendorId,
        status,
        name,
        description,
        brand,
        categoryId,
        attributes,
        (skus == null ? List.of("SKU-" + id.substring(0, 8)) : skus)
            .stream().map(sku -> new Variant(sku, Map.of(), price, "EUR")).toList(),
        List.of("https://cdn.example.com/" + id + ".jpg"),
        createdAt,
        createdAt);
  }
}
