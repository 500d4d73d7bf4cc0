package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * What the checkout tests share, all made through the gateway of the shared stack: a vendor with a
 * warehouse, products it has in stock, shoppers with a saved card, checkouts, and orders as their
 * shoppers see them. Test card numbers are payment-service's simulated provider's.
 */
final class Shop {

  static final String APPROVE = "4242424242424242";
  static final String DECLINE = "4000000000000002";
  static final String INSUFFICIENT_FUNDS = "4000000000009995";

  /** The simulated provider times every authorisation of this card out. */
  static final String PROVIDER_TIMEOUT = "4000000000000119";

  static final long UNIT_PRICE = 2_500;

  private static final Set<String> FINAL =
      Set.of("CONFIRMED", "CANCELLED", "PARTLY_SHIPPED", "SHIPPED", "DELIVERED", "COMPLETED");

  private final LocalStack stack;
  private final Identities identities;
  private final ApiClient gateway;
  private final String vendorId;
  private final ApiClient vendor;
  private final String location;

  private Shop(LocalStack stack, String vendorId, ApiClient vendor, String location) {
    this.stack = stack;
    this.identities = stack.identities();
    this.gateway = ApiClient.at(stack.gatewayUrl());
    this.vendorId = vendorId;
    this.vendor = vendor;
    this.location = location;
  }

  /** A new vendor with one warehouse in the shared stack. */
  static Shop open(String vendorName) {
    LocalStack stack = SharedStack.get();
    Identities identities = stack.identities();
    Identities.Vendor onboarded = identities.onboardVendor(vendorName, unique("vendor"));
    ApiClient vendor =
        ApiClient.at(stack.gatewayUrl()).withToken(identities.vendorToken(onboarded));
    var created =
        vendor.post(
            "/api/v1/vendor/locations", Map.of("name", "Main warehouse", "kind", "WAREHOUSE"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    // Free shipping to Germany: what a checkout here captures is its items, UNIT_PRICE each.
    DemoData.setShippingRates(vendor, List.of(DemoData.rate("DE", 0, 0)));
    return new Shop(stack, onboarded.id(), vendor, created.json().path("id").asString());
  }

  LocalStack stack() {
    return stack;
  }

  Identities identities() {
    return identities;
  }

  ApiClient vendor() {
    return vendor;
  }

  String vendorId() {
    return vendorId;
  }

  /** The vendor's warehouse. */
  String locationId() {
    return location;
  }

  /** A staff member's view through the gateway (payments). */
  ApiClient admin() {
    return gateway.withToken(identities.adminToken());
  }

  /** A shopper, their client (with their token) and the id of the card they saved. */
  record Shopper(String customerId, ApiClient api, String card) {}

  /** A published product with one SKU at {@link #UNIT_PRICE}, with {@code units} in stock. */
  String productInStock(int units) {
    String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> product = DemoData.singleSkuProduct(7, sku, UNIT_PRICE);
    var created = vendor.post("/api/v1/vendor/products", product);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(vendor.post("/api/v1/vendor/products/" + id + "/publish", null).status())
        .isEqualTo(200);
    // Inventory learns the SKU from the catalog's event; then the vendor counts its stock.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                vendor
                        .withHeader("If-Match", "\"0\"")
                        .put(
                            "/api/v1/vendor/locations/" + location + "/stock/" + sku,
                            Map.of("onHand", units))
                        .status()
                    == 200);
    return sku;
  }

  Shopper shopperWithCard(String number) {
    return shoppersWithCards(1, number).getFirst();
  }

  /** Shoppers signed up, verified and signed in through the gateway, each with a saved card. */
  List<Shopper> shoppersWithCards(int count, String number) {
    List<String> emails = IntStream.range(0, count).mapToObj(i -> unique("buyer")).toList();
    return inParallel(
        identities.signUpShoppers(emails, 4),
        shopper -> withCard(shopper.customerId(), shopper.accessToken(), number));
  }

  private Shopper withCard(String customerId, String token, String number) {
    ApiClient shopper = gateway.withToken(token);
    var card =
        shopper.post(
            "/api/v1/payment-methods",
            Map.of(
                "number",
                number,
                "expiryMonth",
                12,
                "expiryYear",
                2030,
                "cvc",
                "123",
                "holderName",
                "Bea Buyer"));
    assertThat(card.status()).as(card.toString()).isEqualTo(201);
    return new Shopper(customerId, shopper, card.json().path("id").asString());
  }

  /** Puts the SKU in the cart, waiting until order-service knows it from the catalog's event. */
  void fillCart(Shopper shopper, String sku, int quantity) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                shopper
                        .api()
                        .put(
                            "/api/v1/cart/items/" + vendorId + "/" + sku,
                            Map.of("quantity", quantity))
                        .status()
                    == 200);
  }

  /** Fills the cart and checks out; returns the new order's id. */
  String checkout(Shopper shopper, String sku, int quantity) {
    fillCart(shopper, sku, quantity);
    return placeOrder(shopper);
  }

  /**
   * Checks the cart out with a card and a fresh Idempotency-Key. A 5xx, a 429 or a broken
   * connection is retried with the same key, as a client should (for up to 150 s, time for a
   * crashed order-service to come back): the key makes a retry return the order an earlier attempt
   * may have made, never a second one.
   */
  String placeOrder(Shopper shopper) {
    ApiClient checkout = shopper.api().withHeader("Idempotency-Key", UUID.randomUUID().toString());
    Map<String, Object> body = DemoData.checkoutToBerlin(shopper.card());
    AtomicReference<ApiClient.Response> answer = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(150))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              answer.set(checkout.post("/api/v1/orders", body));
              return answer.get().status() < 500 && answer.get().status() != 429;
            });
    assertThat(answer.get().status()).as(answer.get().toString()).isIn(200, 201);
    return answer.get().json().path("id").asString();
  }

  JsonNode order(Shopper shopper, String orderId) {
    var order = shopper.api().get("/api/v1/orders/" + orderId);
    assertThat(order.status()).as(order.toString()).isEqualTo(200);
    return order.json();
  }

  void awaitStatus(Shopper shopper, String orderId, String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> status.equals(order(shopper, orderId).path("status").asString()));
  }

  /** Waits until every order has left its saga (confirmed or further, or cancelled). */
  Map<String, JsonNode> awaitFinal(Map<String, Shopper> orders, Duration timeout) {
    Map<String, JsonNode> done = new ConcurrentHashMap<>();
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              orders.forEach(
                  (id, shopper) -> {
                    if (!done.containsKey(id)) {
                      var order = shopper.api().get("/api/v1/orders/" + id);
                      if (order.status() == 200
                          && FINAL.contains(order.json().path("status").asString())) {
                        done.put(id, order.json());
                      }
                    }
                  });
              return done.size() == orders.size();
            });
    return Map.copyOf(done);
  }

  /** The SKU's stock over all locations: onHand, reserved, available. */
  JsonNode stock(String sku) {
    var stock = vendor.get("/api/v1/vendor/skus/" + sku);
    assertThat(stock.status()).as(stock.toString()).isEqualTo(200);
    return stock.json();
  }

  int onHandInWarehouse(String sku) {
    return vendor
        .get("/api/v1/vendor/locations/" + location + "/stock/" + sku)
        .json()
        .path("onHand")
        .asInt();
  }

  static String unique(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.marketplace.dev";
  }

  /** Applies the task to every input, a few at a time; the results are in the inputs' order. */
  static <T, R> List<R> inParallel(List<T> inputs, Function<T, R> task) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<R>> futures =
          inputs.stream().map(input -> pool.submit(() -> task.apply(input))).toList();
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case RuntimeException r -> throw r;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
