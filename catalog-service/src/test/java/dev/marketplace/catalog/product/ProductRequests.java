package dev.marketplace.catalog.product;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data builder: a valid product request as a mutable JSON tree, to break one field at a time.
 */
public final class ProductRequests {

  private ProductRequests() {}

  public static Map<String, Object> lamp() {
    return product("Brass desk lamp", "Lumen", 4999);
  }

  public static Map<String, Object> product(String name, String brand, long priceMinor) {
    Map<String, Object> price =
        new LinkedHashMap<>(Map.of("amount", priceMinor, "currency", "EUR"));
    Map<String, Object> variant = new LinkedHashMap<>();
    variant.put("sku", "SKU-" + Math.abs(name.hashCode()));
    variant.put("attributes", Map.of("colour", "brass"));
    variant.put("price", price);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("description", "A warm light for late reading, with an adjustable arm.");
    body.put("brand", brand);
    body.put("attributes", Map.of("material", "brass"));
    body.put("variants", new ArrayList<>(List.of(variant)));
    body.put("mediaUrls", List.of("https://cdn.example.com/lamp.jpg"));
    return body;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> firstVariantPrice(Map<String, Object> body) {
    var variants = (List<Map<String, Object>>) body.get("variants");
    return (Map<String, Object>) variants.getFirst().get("price");
  }
}
