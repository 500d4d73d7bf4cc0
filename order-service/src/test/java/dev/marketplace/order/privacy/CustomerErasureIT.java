package dev.marketplace.order.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.CustomerErasedV1;
import dev.marketplace.events.customer.CustomerErasureConfirmedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.order.OrderStatusChangedV1;
import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * An erased customer's cart goes, their orders stay for accounting but name no one (in the rows and
 * on the order topic), the checkout records go, and order-service confirms it once, however often
 * the erasure arrives.
 */
class CustomerErasureIT extends OrderIntegrationTest {

  @Autowired StringRedisTemplate redis;

  @Test
  void anErasedCustomersCartGoesAndTheirOrdersNameNoOne() {
    String customerId = UUID.randomUUID().toString();
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 1_000);
    ApiClient shopper = shopper(customerId);
    fill(shopper, "vendor-a", sku, 1);
    var placed =
        shopper
            .withHeader("Idempotency-Key", "erasure-1")
            .post("/api/v1/orders", checkoutBody("pm_erased"));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    String orderId = placed.json().path("id").asString();
    fill(shopper, "vendor-a", sku, 3);
    assertThat(redis.hasKey("cart:" + customerId)).isTrue();

    CustomerErasedV1 erased = new CustomerErasedV1(customerId, Instant.now());
    send(Topics.CUSTOMER_ACCOUNTS, erased);
    send(Topics.CUSTOMER_ACCOUNTS, erased); // a second erasure event: nothing left to do

    await().atMost(Duration.ofSeconds(20)).until(() -> count("customer_order", customerId) == 0);
    assertThat(redis.hasKey("cart:" + customerId)).isFalse();
    assertThat(count("checkout_request", customerId)).isZero();
    var row =
        jdbc.sql("SELECT customer_id, card_token FROM customer_order WHERE id = ?::uuid")
            .param(orderId)
            .query()
            .singleRow();
    assertThat((String) row.get("customer_id")).startsWith("erased-");
    assertThat(row.get("card_token")).isEqualTo("erased");

    List<ConsumerRecord<String, String>> announced =
        read(Topics.ORDER_EVENTS, orderId, r -> r.contains((String) row.get("customer_id")));
    assertThat(EventJson.read(announced.getLast().value()).payload())
        .isInstanceOfSatisfying(
            OrderStatusChangedV1.class,
            e -> assertThat(e.customerId()).isEqualTo(row.get("customer_id")));
    // Each erasure event is confirmed (the second finds nothing left); their sends may cross, so
    // the one that pseudonymised the order is looked for rather than taken as the first.
    List<ConsumerRecord<String, String>> confirmations =
        read(Topics.CUSTOMER_ERASURES, customerId, r -> r.contains("1 orders pseudonymised"));
    assertThat(EventJson.read(confirmations.getFirst().value()).payload())
        .isInstanceOfSatisfying(
            CustomerErasureConfirmedV1.class,
            c -> {
              assertThat(c.service()).isEqualTo("order-service");
              assertThat(c.actions())
                  .contains("cart deleted")
                  .anyMatch(a -> a.startsWith("1 orders"));
            });
  }

  @Test
  void aClosedOrdersAddressGoesAtOnceAndAnOpenOnesWhenItCloses() {
    String customerId = UUID.randomUUID().toString();
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 1_000);
    ApiClient shopper = shopper(customerId);
    fill(shopper, "vendor-a", sku, 1);
    String closed = place(shopper, "closed");
    fill(shopper, "vendor-a", sku, 1);
    String open = place(shopper, "open");
    noStockFor(closed);
    await().atMost(Duration.ofSeconds(20)).until(() -> status(closed).equals("CANCELLED"));
    assertThat(addresses(closed, open)).isEqualTo(2);

    send(Topics.CUSTOMER_ACCOUNTS, new CustomerErasedV1(customerId, Instant.now()));

    await().atMost(Duration.ofSeconds(20)).until(() -> addresses(closed) == 0);
    assertThat(addresses(open)).as("the open order still needs its address").isEqualTo(1);
    List<ConsumerRecord<String, String>> confirmations =
        read(Topics.CUSTOMER_ERASURES, customerId, r -> true);
    assertThat(EventJson.read(confirmations.getFirst().value()).payload())
        .isInstanceOfSatisfying(
            CustomerErasureConfirmedV1.class,
            c ->
                assertThat(c.actions())
                    .contains(
                        "1 delivery addresses deleted",
                        "1 delivery addresses kept until their open orders close, then deleted"));

    noStockFor(open);
    await().atMost(Duration.ofSeconds(20)).until(() -> addresses(open) == 0);
    assertThat(status(open)).isEqualTo("CANCELLED");
  }

  private String place(ApiClient shopper, String key) {
    var placed =
        shopper.withHeader("Idempotency-Key", key).post("/api/v1/orders", checkoutBody("pm_1"));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return placed.json().path("id").asString();
  }

  private void noStockFor(String orderId) {
    send(
        Topics.INVENTORY_REPLIES,
        new StockReservationFailedV1(
            orderId, List.of(new StockReservationFailedV1.Shortage("X", 1, 0))));
  }

  private String status(String orderId) {
    return jdbc.sql("SELECT status FROM customer_order WHERE id = ?::uuid")
        .param(orderId)
        .query(String.class)
        .single();
  }

  private long addresses(String... orderIds) {
    return jdbc.sql("SELECT count(*) FROM order_delivery_address WHERE order_id::text = ANY(?)")
        .param(orderIds)
        .query(Long.class)
        .single();
  }

  private long count(String table, String customerId) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE customer_id = ?")
        .param(customerId)
        .query(Long.class)
        .single();
  }

  private List<ConsumerRecord<String, String>> read(
      String topic, String key, java.util.function.Predicate<String> value) {
    try (TopicReader reader =
        new TopicReader(KafkaTestServer.bootstrapServers(), topics.name(topic))) {
      return reader
          .readUntil(
              records ->
                  records.stream().anyMatch(r -> key.equals(r.key()) && value.test(r.value())),
              Duration.ofSeconds(20))
          .stream()
          .filter(r -> key.equals(r.key()) && value.test(r.value()))
          .toList();
    }
  }
}
