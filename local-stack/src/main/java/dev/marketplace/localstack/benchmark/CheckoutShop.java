package dev.marketplace.localstack.benchmark;

import dev.marketplace.localstack.DemoData;
import dev.marketplace.localstack.Identities;
import dev.marketplace.localstack.LocalStack;
import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;

/**
 * What the checkout benchmark sells and who buys it, all made through the gateway the way the
 * checkout tests make it: one vendor with one warehouse, products with one SKU each and the most
 * stock a location holds, and shoppers signed in with a saved card the simulated provider approves.
 */
final class CheckoutShop {

  /** payment-service's simulated provider approves every authorisation on this card. */
  private static final String APPROVE = "4242424242424242";

  /**
   * The most one location may hold (inventory's {@code LocationStock.MAX_ON_HAND}); a run takes a
   * few percent.
   */
  private static final int UNITS = 1_000_000;

  /** A signed-in shopper: a client with their token, and the id of their saved card. */
  record Shopper(ApiClient api, String card) {}

  private final String vendorId;
  private final List<String> skus;
  private final List<Shopper> shoppers;

  private CheckoutShop(String vendorId, List<String> skus, List<Shopper> shoppers) {
    this.vendorId = vendorId;
    this.skus = List.copyOf(skus);
    this.shoppers = List.copyOf(shoppers);
  }

  static CheckoutShop open(LocalStack stack, int products, int shoppers) throws Exception {
    Identities identities = stack.identities();
    ApiClient gateway = ApiClient.at(stack.gatewayUrl());
    String run = UUID.randomUUID().toString().substring(0, 8);
    Identities.Vendor onboarded =
        identities.onboardVendor(
            "Checkout bench", "checkout-bench-" + run + "@bench.marketplace.dev");
    ApiClient vendor = gateway.withToken(identities.vendorToken(onboarded));
    var location =
        vendor.post(
            "/api/v1/vendor/locations", Map.of("name", "Bench warehouse", "kind", "WAREHOUSE"));
    require(location.status() == 201, location.toString());
    DemoData.setShippingRates(vendor, List.of(DemoData.rate("DE", 490, 5_000)));
    String locationId = location.json().path("id").asString();
    List<String> skus = new ArrayList<>();
    for (int n = 0; n < products; n++) {
      skus.add(productInStock(vendor, locationId, n));
    }
    List<String> emails =
        IntStream.range(0, shoppers)
            .mapToObj(i -> "buyer-" + i + "-" + run + "@bench.marketplace.dev")
            .toList();
    List<Shopper> buyers = withCards(gateway, identities.signUpShoppers(emails, 4));
    CheckoutShop shop = new CheckoutShop(onboarded.id(), skus, buyers);
    // order-service learns a SKU from the catalog's event: the first cart line waits for it.
    Shopper first = buyers.getFirst();
    for (String sku : skus) {
      until(
          () -> first.api().put(shop.cartLine(sku), Map.of("quantity", 1)).status() == 200,
          "order-service to know " + sku);
    }
    require(first.api().delete("/api/v1/cart").status() == 204, "empty the first cart");
    return shop;
  }

  /** The cart line of one of the shop's SKUs: an item is the vendor's SKU. */
  String cartLine(String sku) {
    return "/api/v1/cart/items/" + vendorId + "/" + sku;
  }

  List<String> skus() {
    return skus;
  }

  List<Shopper> shoppers() {
    return shoppers;
  }

  /** A published product with one SKU, and {@link #UNITS} of it counted in the warehouse. */
  private static String productInStock(ApiClient vendor, String location, int n)
      throws InterruptedException {
    String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> product = DemoData.singleSkuProduct(n, sku, 2_500);
    var created = vendor.post("/api/v1/vendor/products", product);
    require(created.status() == 201, created.toString());
    String id = created.json().path("id").asString();
    var published = vendor.post("/api/v1/vendor/products/" + id + "/publish", null);
    require(published.status() == 200, published.toString());
    // Inventory learns the SKU from the catalog's event; until then the count is refused.
    until(
        () ->
            vendor
                    .withHeader("If-Match", "\"0\"")
                    .put(
                        "/api/v1/vendor/locations/" + location + "/stock/" + sku,
                        Map.of("onHand", UNITS))
                    .status()
                == 200,
        "inventory to know " + sku);
    return sku;
  }

  private static List<Shopper> withCards(ApiClient gateway, List<Identities.Shopper> signedUp)
      throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Shopper>> cards = new ArrayList<>();
      for (Identities.Shopper shopper : signedUp) {
        cards.add(
            pool.submit(
                () -> {
                  ApiClient api = gateway.withToken(shopper.accessToken());
                  var card =
                      api.post(
                          "/api/v1/payment-methods",
                          Map.of(
                              "number",
                              APPROVE,
                              "expiryMonth",
                              12,
                              "expiryYear",
                              2030,
                              "cvc",
                              "123",
                              "holderName",
                              "Bench Buyer"));
                  require(card.status() == 201, card.toString());
                  return new Shopper(api, card.json().path("id").asString());
                }));
      }
      List<Shopper> shoppers = new ArrayList<>();
      for (Future<Shopper> card : cards) {
        shoppers.add(card.get());
      }
      return shoppers;
    }
  }

  /** Asks every 200 ms for up to a minute: events take a moment to reach their consumers. */
  private static void until(BooleanSupplier done, String what) {
    Awaitility.await(what)
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .until(done::getAsBoolean);
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException(what);
    }
  }
}
