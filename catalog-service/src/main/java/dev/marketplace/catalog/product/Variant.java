package dev.marketplace.catalog.product;

import java.util.Map;

/**
 * A sellable form of a product (size, colour...) identified by the vendor's SKU, with its own
 * price.
 */
public record Variant(String sku, Map<String, String> attributes, Money price) {

  public Variant {
    attributes = Map.copyOf(attributes);
  }
}
