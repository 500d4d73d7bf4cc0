package dev.marketplace.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * order-service on a random port, and what tests do to it: act as shoppers and vendors, and play
 * catalog, inventory and payment through their topics (the contracts in common-events). Which
 * servers it runs against is the subclass's choice; most tests share them ({@link
 * OrderIntegrationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningOrderService {

  @LocalServerPort protected int port;
  @Autowired protected TopicNames topics;
  @Autowired protected KafkaTemplate<String, String> kafka;

  @Autowired protected JdbcClient jdbc;

  /** A valid German address: every test vendor ships there unless a test sets other rates. */
  protected static final Map<String, Object> BERLIN =
      Map.of(
          "recipient", "Ada Lovelace",
          "line1", "Unter den Linden 1",
          "city", "Berlin",
          "postalCode", "10117",
          "country", "DE");

  /** A checkout with this card, to {@link #BERLIN}. */
  protected static Map<String, Object> checkoutBody(String cardToken) {
    return Map.of("cardToken", cardToken, "address", BERLIN);
  }

  protected ApiClient shopper(String customerId) {
    return ApiClient.at("http://localhost:" + port).withToken(TestTokens.shopper(customerId));
  }

  protected ApiClient vendor(String vendorId) {
    return ApiClient.at("http://localhost:" + port).withToken(TestTokens.vendor(vendorId));
  }

  /** Publishes a product the way catalog-service does, so the service can sell its SKUs. */
  protected void catalogHas(String productId, String vendorId, String sku, long priceMinor) {
    catalogHas(productId, 1, ProductChangedV1.Status.PUBLISHED, vendorId, sku, priceMinor);
  }

  /**
   * A vendor that has no shipping rates yet ships to Germany for free, so that tests about other
   * things need not set rates; a test about shipping sets its own (they replace these).
   */
  private void shipsToGermanyUnlessSet(String vendorId) {
    jdbc.sql(
            "INSERT INTO shipping_rate (vendor_id, country, currency, price_minor, updated_at)"
                + " SELECT ?, 'DE', 'EUR', 0, now()"
                + " WHERE NOT EXISTS (SELECT 1 FROM shipping_rate WHERE vendor_id = ?)")
        .params(vendorId, vendorId)
        .update();
  }

  /** A catalog event at a given version and status (a later version archives, for example). */
  protected void catalogHas(
      String productId,
      long version,
      ProductChangedV1.Status status,
      String vendorId,
      String sku,
      long priceMinor) {
    shipsToGermanyUnlessSet(vendorId);
    Instant now = Instant.now();
    send(
        Topics.CATALOG_PRODUCTS,
        new ProductChangedV1(
            productId,
            version,
            vendorId,
            status,
            "Product " + sku,
            null,
            null,
            categoryOf(sku),
            Map.of(),
            List.of(new ProductChangedV1.Variant(sku, Map.of(), priceMinor, "EUR")),
            List.of(),
            now,
            now));
  }

  /** The category {@link #catalogHas} puts a SKU's product in. */
  protected static String categoryOf(String sku) {
    return "category-of-" + sku;
  }

  /**
   * A fresh SKU, {@code SKU-} and 8 random characters, so that tests sharing a service never meet.
   */
  protected static String sku() {
    return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Sets the shopper's cart line of the vendor's SKU to {@code quantity} ({@code PUT
   * /api/v1/cart/items/{vendorId}/{sku}}), retrying for up to 20 s until it is answered 200: the
   * catalog event of {@link #catalogHas} reaches the service some time after it is sent.
   */
  protected static void fill(ApiClient shopper, String vendorId, String sku, int quantity) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                shopper
                        .put(
                            "/api/v1/cart/items/" + vendorId + "/" + sku,
                            Map.of("quantity", quantity))
                        .status()
                    == 200);
  }

  /** The order's status as its shopper reads it ({@code GET /api/v1/orders/{orderId}}). */
  protected static String status(ApiClient shopper, String orderId) {
    return shopper.get("/api/v1/orders/" + orderId).json().path("status").asString();
  }

  /**
   * Checks out the shopper's (filled) cart with card {@code pm_1} to {@link #BERLIN}, expecting a
   * 201, then plays inventory and payment until the order is CONFIRMED: the stock is reserved, and
   * the {@link AuthorizePaymentV1} the order then sends is granted for the amount and currency it
   * names (payment id {@code pay-1}). Waits up to 20 s for CONFIRMED.
   *
   * @return the order's id
   */
  protected String confirm(ApiClient shopper) {
    var placed =
        shopper
            .withHeader("Idempotency-Key", UUID.randomUUID().toString())
            .post("/api/v1/orders", checkoutBody("pm_1"));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    String orderId = placed.json().path("id").asString();
    send(Topics.INVENTORY_REPLIES, new StockReservedV1(orderId, Instant.now().plusSeconds(3600)));
    // Payment answers once asked: an authorisation arriving before the reservation is ignored.
    AuthorizePaymentV1 authorize =
        command(Topics.PAYMENT_COMMANDS, orderId, AuthorizePaymentV1.class);
    send(
        Topics.PAYMENT_REPLIES,
        new PaymentAuthorizedV1(orderId, "pay-1", authorize.amountMinor(), authorize.currency()));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> status(shopper, orderId).equals("CONFIRMED"));
    return orderId;
  }

  /**
   * The first command or event of this type the service published for the order on the topic,
   * waiting for it.
   */
  protected <T> T command(String topic, String orderId, Class<T> type) {
    try (TopicReader reader =
        new TopicReader(KafkaTestServer.bootstrapServers(), topics.name(topic))) {
      return reader
          .readUntil(
              records ->
                  records.stream()
                      .anyMatch(
                          r ->
                              orderId.equals(r.key())
                                  && type.isInstance(EventJson.read(r.value()).payload())),
              Duration.ofSeconds(20))
          .stream()
          .filter(r -> orderId.equals(r.key()))
          .map(r -> EventJson.read(r.value()).payload())
          .filter(type::isInstance)
          .map(type::cast)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + orderId));
    }
  }

  protected void send(String topic, Event payload) {
    kafka.send(
        topics.name(topic),
        payload.key(),
        EventJson.write(EventEnvelope.of("test", Instant.now(), null, payload)));
  }
}
