package dev.marketplace.inventory.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.inventory.StockLine;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.inventory.InventoryIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.ApiClient.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSalesIT extends InventoryIntegrationTest {

  private final String vendor = newVendor();
  private final String lamp = newSku("LAMP");
  private final String vase = newSku("VASE");

  @Test
  void eachSaleCountsOnceHoweverOftenTheBatchIsSent() {
    catalogHas(vendor, lamp, vase);
    String store = location(vendor, "STORE");
    stock(vendor, store, lamp, 10);
    stock(vendor, store, vase, 5);
    ApiClient till = asVendor(vendor);
    String path = "/api/v1/vendor/locations/" + store + "/sales";
    var batch = batch(sale("s-1", lamp, 2), sale("s-2", vase, 1));

    Response first = till.post(path, batch);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("recorded").asInt()).isEqualTo(2);
    assertThat(first.json().path("sales").get(0).path("status").asString()).isEqualTo("RECORDED");

    Response again = till.post(path, batch);
    assertThat(again.json().path("recorded").asInt()).isZero();
    assertThat(again.json().path("alreadyRecorded").asInt()).isEqualTo(2);

    Response overlapping = till.post(path, batch(sale("s-2", vase, 1), sale("s-3", lamp, 3)));
    assertThat(overlapping.json().path("sales").findValuesAsString("status"))
        .containsExactly("ALREADY_RECORDED", "RECORDED");

    assertThat(level(vendor, store, lamp).json().path("onHand").asInt()).isEqualTo(5);
    assertThat(level(vendor, store, vase).json().path("onHand").asInt()).isEqualTo(4);
  }

  @Test
  void aSaleBeyondTheKnownStockIsRecordedWithAShortfallAndNeverTouchesHeldUnits() {
    catalogHas(vendor, lamp);
    String store = location(vendor, "STORE");
    stock(vendor, store, lamp, 3);
    assertThat(reserve("order-" + lamp, new StockLine(lamp, vendor, 1)))
        .isInstanceOf(StockReservedV1.class);

    Response sold =
        asVendor(vendor)
            .post("/api/v1/vendor/locations/" + store + "/sales", batch(sale("s-9", lamp, 5)));

    assertThat(sold.status()).as(sold.toString()).isEqualTo(200);
    assertThat(sold.json().at("/sales/0/status").asString()).isEqualTo("RECORDED");
    assertThat(sold.json().at("/sales/0/shortfall").asInt()).isEqualTo(3);
    Response level = level(vendor, store, lamp);
    assertThat(level.json().path("onHand").asInt()).isEqualTo(1);
    assertThat(level.json().path("reserved").asInt()).isEqualTo(1);
    assertThat(level.json().path("available").asInt()).isZero();
  }

  @Test
  void badBatchesAreRefusedWhole() {
    catalogHas(vendor, lamp);
    String store = location(vendor, "STORE");
    stock(vendor, store, lamp, 10);
    ApiClient till = asVendor(vendor);
    String path = "/api/v1/vendor/locations/" + store + "/sales";

    assertField(till.post(path, batch(sale("a", lamp, 1), sale("b", "NOPE-1", 1))), "sales[1].sku");
    assertField(till.post(path, batch(sale("a", lamp, 1), sale("a", lamp, 1))), "sales[1].saleId");
    assertField(till.post(path, batch(sale("a", lamp, 0))), "sales[0].quantity");
    assertField(till.post(path, batch(sale("a", lamp, 10_001))), "sales[0].quantity");
    assertField(till.post(path, Map.of("sales", List.of())), "sales");
    var future =
        Map.of(
            "saleId",
            "f",
            "sku",
            lamp,
            "quantity",
            1,
            "soldAt",
            Instant.now().plus(1, ChronoUnit.DAYS).toString());
    assertField(till.post(path, Map.of("sales", List.of(future))), "sales[0].soldAt");
    assertThat(level(vendor, store, lamp).json().path("onHand").asInt()).isEqualTo(10);

    till.post(path, batch(sale("once", lamp, 1)));
    Response reused = till.post(path, batch(sale("new", lamp, 1), sale("once", lamp, 2)));
    assertThat(reused.status()).isEqualTo(409);
    assertThat(level(vendor, store, lamp).json().path("onHand").asInt())
        .as("the new sale of the refused batch is not recorded either")
        .isEqualTo(9);
  }

  @Test
  void salesAreRecordedAtTheVendorsOwnStoresOnly() {
    catalogHas(vendor, lamp);
    String warehouse = location(vendor, "WAREHOUSE");
    String othersStore = location(newVendor(), "STORE");

    assertThat(
            asVendor(vendor)
                .post("/api/v1/vendor/locations/" + warehouse + "/sales", batch(sale("w", lamp, 1)))
                .status())
        .isEqualTo(409);
    assertThat(
            asVendor(vendor)
                .post(
                    "/api/v1/vendor/locations/" + othersStore + "/sales", batch(sale("o", lamp, 1)))
                .status())
        .isEqualTo(404);
  }

  private static void assertField(Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
  }

  private static Map<String, Object> batch(Map<?, ?>... sales) {
    return Map.of("sales", List.of(sales));
  }

  private static Map<String, Object> sale(String saleId, String sku, int quantity) {
    return Map.of(
        "saleId", saleId, "sku", sku, "quantity", quantity, "soldAt", Instant.now().toString());
  }
}
