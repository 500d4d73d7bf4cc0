package dev.marketplace.localstack;

import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Demo data created through the public APIs, as a vendor's system would: categories (as staff),
 * then products by three vendors, each published. Deterministic, so the README's examples find what
 * they promise.
 */
public final class DemoData {

  /** The demo vendors' names; their ids are made when they are onboarded. */
  public static final List<String> VENDORS = List.of("Acme Home", "Nordic Living");

  public static final String SHOPPER_EMAIL = "shopper@demo.marketplace.dev";

  private static final List<String> CATEGORIES =
      List.of("lighting", "furniture", "kitchen", "textiles", "decor");
  private static final List<String> ADJECTIVES =
      List.of(
          "Brass", "Oak", "Linen", "Ceramic", "Walnut", "Steel", "Velvet", "Glass", "Rattan",
          "Marble");
  private static final Map<String, List<String>> NOUNS =
      Map.of(
          "lighting", List.of("desk lamp", "floor lamp", "pendant light", "wall sconce"),
          "furniture", List.of("side table", "bookshelf", "armchair", "dining table"),
          "kitchen", List.of("serving bowl", "coffee mug", "cutting board", "teapot"),
          "textiles", List.of("throw blanket", "cushion cover", "curtain", "rug"),
          "decor", List.of("vase", "mirror", "picture frame", "candle holder"));
  private static final List<String> COLOURS = List.of("black", "white", "natural", "green", "blue");

  /** An address in Berlin, as a checkout gives it inline. */
  public static final Map<String, Object> BERLIN =
      Map.of(
          "recipient", "Ada Lovelace",
          "line1", "Unter den Linden 1",
          "city", "Berlin",
          "postalCode", "10117",
          "country", "DE");

  /**
   * Each demo vendor's shipping: Acme Home ships to five countries, Nordic Living to five others in
   * part (so a checkout to France with Nordic Living's items is refused); both ship free from 50 €
   * in Germany.
   */
  private static final List<List<Map<String, Object>>> SHIPPING_RATES =
      List.of(
          List.of(
              rate("DE", 490, 5_000),
              rate("AT", 790, 10_000),
              rate("NL", 790, 10_000),
              rate("BE", 790, 10_000),
              rate("FR", 990, 15_000)),
          List.of(
              rate("DE", 590, 5_000),
              rate("AT", 890, 10_000),
              rate("NL", 890, 10_000),
              rate("SE", 690, 8_000),
              rate("DK", 690, 8_000)));

  /** How many of each demo vendor's first products are in stock, and how many of each. */
  private static final int IN_STOCK_PER_VENDOR = 5;

  private static final int UNITS = 25;

  private DemoData() {}

  /**
   * The vendor opens its warehouse and counts {@link #UNITS} of each of its first products (demo
   * product n belongs to vendor n % vendors), once inventory has learnt each SKU from the catalog.
   */
  private static void stockFirstProducts(ApiClient vendor, int index, int vendors, int products) {
    var warehouse =
        vendor.post(
            "/api/v1/vendor/locations", Map.of("name", "Main warehouse", "kind", "WAREHOUSE"));
    if (warehouse.status() != 201) {
      throw new IllegalStateException("could not open a demo warehouse: " + warehouse);
    }
    String location = warehouse.json().path("id").asString();
    for (int n = index; n < products; n += vendors) {
      String path = "/api/v1/vendor/locations/" + location + "/stock/DEMO-" + (n + 1);
      await("inventory learns DEMO-" + (n + 1) + " from the catalog")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  vendor.withHeader("If-Match", "\"0\"").put(path, Map.of("onHand", UNITS)).status()
                      == 200);
    }
  }

  /** A shipping rate in EUR: a flat price per order part, free from an items total. */
  public static Map<String, Object> rate(String country, long price, long freeFrom) {
    return Map.of("country", country, "currency", "EUR", "price", price, "freeFrom", freeFrom);
  }

  /** A checkout of the cart with this card, shipping to {@link #BERLIN}. */
  public static Map<String, Object> checkoutToBerlin(String cardToken) {
    return Map.of("cardToken", cardToken, "address", BERLIN);
  }

  /** The demo shopper saves {@link #BERLIN} as "Home", where the README's checkout ships. */
  private static void saveAddress(LocalStack stack, String shopperToken) {
    Map<String, Object> home = new LinkedHashMap<>(BERLIN);
    home.put("label", "Home");
    var saved =
        ApiClient.at(stack.gatewayUrl())
            .withToken(shopperToken)
            .post("/api/v1/customers/me/addresses", home);
    if (saved.status() != 201) {
      throw new IllegalStateException("could not save the demo shopper's address: " + saved);
    }
  }

  private static void setShippingRates(
      LocalStack stack, String vendorToken, List<Map<String, Object>> rates) {
    setShippingRates(ApiClient.at(stack.gatewayUrl()).withToken(vendorToken), rates);
  }

  /** Replaces a vendor's shipping rates (the client carries its token). */
  public static void setShippingRates(ApiClient vendor, List<Map<String, Object>> rates) {
    var set = vendor.put("/api/v1/vendor/shipping-rates", Map.of("rates", rates));
    if (set.status() != 200) {
      throw new IllegalStateException("could not set a demo vendor's shipping rates: " + set);
    }
  }

  /** What the seeding made: the vendors (with API clients) and the shopper's address. */
  public record Seeded(int products, List<Identities.Vendor> vendors, String shopperEmail) {}

  /**
   * Onboards the demo vendors (approved, each with an API client) and a verified shopper, then
   * creates the categories and {@code count} published products through the vendor API.
   */
  public static Seeded seed(LocalStack stack, int count) throws InterruptedException {
    Identities identities = stack.identities();
    createCategories(stack.catalogUrl(), identities.adminToken());
    List<Identities.Vendor> vendors =
        VENDORS.stream()
            .map(
                name ->
                    identities.onboardVendor(
                        name, name.toLowerCase().replace(' ', '-') + "@demo.marketplace.dev"))
            .toList();
    identities.signUpShopper(SHOPPER_EMAIL, "Ada", "Lovelace");
    saveAddress(stack, identities.signIn(SHOPPER_EMAIL, Identities.PASSWORD).accessToken());
    for (int i = 0; i < vendors.size(); i++) {
      setShippingRates(stack, identities.vendorToken(vendors.get(i)), SHIPPING_RATES.get(i));
    }
    List<ApiClient> clients =
        vendors.stream()
            .map(v -> ApiClient.at(stack.catalogUrl()).withToken(identities.vendorToken(v)))
            .toList();
    int seeded = seedProducts(clients, count);
    for (int i = 0; i < vendors.size(); i++) {
      stockFirstProducts(
          ApiClient.at(stack.gatewayUrl()).withToken(identities.vendorToken(vendors.get(i))),
          i,
          vendors.size(),
          Math.min(count, IN_STOCK_PER_VENDOR * vendors.size()));
    }
    return new Seeded(seeded, vendors, SHOPPER_EMAIL);
  }

  private static int seedProducts(List<ApiClient> vendors, int count) throws InterruptedException {
    Semaphore inFlight = new Semaphore(16);
    List<Future<Boolean>> results = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        int n = i;
        inFlight.acquire();
        results.add(
            executor.submit(
                () -> {
                  try {
                    return createAndPublish(vendors.get(n % vendors.size()), n);
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    return (int) results.stream().filter(DemoData::succeeded).count();
  }

  /** Creates the demo categories (as staff); existing ones are left alone. */
  public static void createCategories(String catalogUrl, String adminToken) {
    ApiClient admin = ApiClient.at(catalogUrl).withToken(adminToken);
    for (String category : CATEGORIES) {
      String name = Character.toUpperCase(category.charAt(0)) + category.substring(1);
      var response = admin.post("/api/v1/categories", Map.of("id", category, "name", name));
      if (response.status() != 201 && response.status() != 409) {
        throw new IllegalStateException("could not create category: " + response);
      }
    }
  }

  /**
   * Demo product {@code n} without a category and with one SKU of the given name and price (EUR
   * minor units): what checkout and stock scenarios buy and count.
   */
  public static Map<String, Object> singleSkuProduct(int n, String sku, long amountMinor) {
    Map<String, Object> product = product(n);
    product.put("categoryId", null);
    product.put(
        "variants",
        List.of(
            Map.of(
                "sku",
                sku,
                "attributes",
                Map.of(),
                "price",
                Map.of("amount", amountMinor, "currency", "EUR"))));
    return product;
  }

  /** The request body of demo product number {@code n}. */
  public static Map<String, Object> product(int n) {
    String category = CATEGORIES.get(n % CATEGORIES.size());
    List<String> nouns = NOUNS.get(category);
    String adjective = ADJECTIVES.get((n / CATEGORIES.size()) % ADJECTIVES.size());
    String noun = nouns.get((n / (CATEGORIES.size() * ADJECTIVES.size())) % nouns.size());
    String colour = COLOURS.get(n % COLOURS.size());
    String name = adjective + " " + noun + " " + (n + 1);
    long price = 990 + (n * 7919L) % 49_000;
    Map<String, Object> variant = new LinkedHashMap<>();
    variant.put("sku", "DEMO-" + (n + 1));
    variant.put("attributes", Map.of("colour", colour));
    variant.put("price", Map.of("amount", price, "currency", "EUR"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put(
        "description",
        "A " + colour + " " + adjective.toLowerCase() + " " + noun + " for everyday living.");
    body.put("brand", List.of("Lumen", "Woodline", "Hearth", "Nordlys").get(n % 4));
    body.put("categoryId", category);
    body.put("attributes", Map.of("material", adjective.toLowerCase()));
    body.put("variants", List.of(variant));
    body.put("mediaUrls", List.of("https://cdn.example.com/demo/" + (n + 1) + ".jpg"));
    return body;
  }

  private static boolean createAndPublish(ApiClient vendor, int n) {
    var created = vendor.post("/api/v1/vendor/products", product(n));
    if (created.status() != 201) {
      return false;
    }
    String id = created.json().path("id").asString();
    return vendor.post("/api/v1/vendor/products/" + id + "/publish", null).status() == 200;
  }

  private static boolean succeeded(Future<Boolean> result) {
    try {
      return result.get();
    } catch (Exception e) {
      return false;
    }
  }
}
