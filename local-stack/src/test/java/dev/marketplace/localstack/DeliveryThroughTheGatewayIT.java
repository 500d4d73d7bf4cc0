package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Through the gateway of the shared stack: a shopper buys from two vendors, shipping to an address
 * saved in customer-service; each vendor charges its own shipping and sees only its own part and
 * where it goes; staff read the order (audited); nobody can ship to another shopper's address.
 */
class DeliveryThroughTheGatewayIT {

  private static final Map<String, Object> HOME =
      Map.of(
          "label", "Home",
          "recipient", "Grace Hopper",
          "line1", "Friedrichstrasse 43",
          "city", "Berlin",
          "postalCode", "10969",
          "country", "DE");

  @Test
  void twoVendorsShipOneOrderToASavedAddressEachSeeingOnlyItsOwnPart() {
    Shop lamps = Shop.open("Lamps " + Shop.unique("shop"));
    Shop mugs = Shop.open("Mugs " + Shop.unique("shop"));
    DemoData.setShippingRates(lamps.vendor(), List.of(DemoData.rate("DE", 490, 100_000)));
    DemoData.setShippingRates(mugs.vendor(), List.of(DemoData.rate("DE", 350, 100_000)));
    String lamp = lamps.productInStock(5);
    String mug = mugs.productInStock(5);
    Shop.Shopper shopper = lamps.shopperWithCard(Shop.APPROVE);
    var saved = shopper.api().post("/api/v1/customers/me/addresses", HOME);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    String addressId = saved.json().path("id").asString();
    lamps.fillCart(shopper, lamp, 1);
    mugs.fillCart(shopper, mug, 2);

    var placed =
        shopper
            .api()
            .withHeader("Idempotency-Key", UUID.randomUUID().toString())
            .post("/api/v1/orders", Map.of("cardToken", shopper.card(), "addressId", addressId));

    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    JsonNode order = placed.json();
    String orderId = order.path("id").asString();
    assertThat(order.path("deliveryAddress").path("line1").asString())
        .isEqualTo("Friedrichstrasse 43");
    assertThat(order.path("shippingTotal").path("amount").asLong()).isEqualTo(490 + 350);
    assertThat(order.path("total").path("amount").asLong())
        .isEqualTo(3 * Shop.UNIT_PRICE + 490 + 350);
    lamps.awaitStatus(shopper, orderId, "CONFIRMED");

    JsonNode lampPart = vendorOrder(lamps, orderId);
    assertThat(lampPart.path("lines").findValuesAsString("sku")).containsExactly(lamp);
    assertThat(lampPart.path("part").path("shipping").path("amount").asLong()).isEqualTo(490);
    assertThat(lampPart.path("deliveryAddress").path("recipient").asString())
        .isEqualTo("Grace Hopper");
    assertThat(lampPart.toString()).doesNotContain(mug);
    JsonNode mugPart = vendorOrder(mugs, orderId);
    assertThat(mugPart.path("lines").findValuesAsString("sku")).containsExactly(mug);
    assertThat(mugPart.path("part").path("total").path("amount").asLong())
        .isEqualTo(2 * Shop.UNIT_PRICE + 350);
    assertThat(mugPart.toString()).doesNotContain(lamp);

    ApiClient admin = lamps.admin();
    var staffView = admin.get("/api/v1/admin/orders/" + orderId);
    assertThat(staffView.status()).as(staffView.toString()).isEqualTo(200);
    assertThat(staffView.json().path("customerId").asString()).isEqualTo(shopper.customerId());
    JsonNode audited =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    admin
                        .get("/api/v1/admin/audit?resource=/api/v1/admin/orders/" + orderId)
                        .json()
                        .path("items"),
                items -> items.size() > 0)
            .get(0);
    assertThat(audited.path("service").asString()).isEqualTo("order-service");
    assertThat(shopper.api().get("/api/v1/admin/orders/" + orderId).status()).isEqualTo(403);
  }

  @Test
  void aShopperCannotShipToAnotherShoppersAddressNorWhereAVendorDoesNotShip() {
    Shop shop = Shop.open("Local only " + Shop.unique("shop"));
    DemoData.setShippingRates(shop.vendor(), List.of(DemoData.rate("DE", 490, 100_000)));
    String sku = shop.productInStock(5);
    List<Shop.Shopper> shoppers = shop.shoppersWithCards(2, Shop.APPROVE);
    Shop.Shopper owner = shoppers.get(0);
    Shop.Shopper other = shoppers.get(1);
    String ownersAddress =
        owner.api().post("/api/v1/customers/me/addresses", HOME).json().path("id").asString();
    shop.fillCart(other, sku, 1);

    var borrowed =
        other
            .api()
            .withHeader("Idempotency-Key", UUID.randomUUID().toString())
            .post("/api/v1/orders", Map.of("cardToken", other.card(), "addressId", ownersAddress));
    Map<String, Object> paris = new HashMap<>(DemoData.BERLIN);
    paris.putAll(Map.of("city", "Paris", "postalCode", "75001", "country", "FR"));
    var toFrance =
        other
            .api()
            .withHeader("Idempotency-Key", UUID.randomUUID().toString())
            .post("/api/v1/orders", Map.of("cardToken", other.card(), "address", paris));

    assertThat(borrowed.status()).as(borrowed.toString()).isEqualTo(400);
    assertThat(borrowed.json().path("errors").findValuesAsString("field"))
        .containsExactly("addressId");
    assertThat(toFrance.status()).as(toFrance.toString()).isEqualTo(400);
    assertThat(toFrance.json().path("errors").findValuesAsString("field"))
        .containsExactly("cart[" + shop.vendorId() + "/" + sku + "]");
    assertThat(other.api().get("/api/v1/orders").json().path("items").size()).isZero();
  }

  private static JsonNode vendorOrder(Shop shop, String orderId) {
    for (JsonNode order : shop.vendor().get("/api/v1/vendor/orders").json().path("items")) {
      if (order.path("orderId").asString().equals(orderId)) {
        return order;
      }
    }
    throw new AssertionError("the vendor does not see order " + orderId);
  }
}
