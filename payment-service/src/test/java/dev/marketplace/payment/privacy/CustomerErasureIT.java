package dev.marketplace.payment.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.CustomerErasedV1;
import dev.marketplace.events.customer.CustomerErasureConfirmedV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.payment.PaymentIntegrationTest;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicReader;
import dev.marketplace.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An erased customer's saved cards are deleted here and at the card provider; their payments stay
 * for accounting, linked to no one; payment-service confirms it for the erasure report.
 */
class CustomerErasureIT extends PaymentIntegrationTest {

  @Test
  void anErasedCustomersCardsGoEvenAtTheProviderAndTheirPaymentsNameNoOne() {
    String shopper = newId("shopper");
    String order = newId("order");
    String card = addCard(shopper, APPROVE);
    send(authorize(order, shopper, card, 4_200));
    reply(order, PaymentAuthorizedV1.class);
    String providerToken =
        jdbc.sql("SELECT provider_token FROM payment_method WHERE customer_id = ?")
            .param(shopper)
            .query(String.class)
            .single();

    erase(shopper);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> count("SELECT count(*) FROM payment_method WHERE customer_id = ?", shopper) == 0);
    assertThat(count("SELECT count(*) FROM simulated_provider_card WHERE token = ?", providerToken))
        .as("deleted at the provider")
        .isZero();
    assertThat(count("SELECT count(*) FROM payment WHERE customer_id = ?", shopper)).isZero();
    assertThat(
            jdbc.sql("SELECT customer_id, card_token FROM payment WHERE order_id = ?")
                .param(order)
                .query()
                .singleRow())
        .containsEntry("card_token", null)
        .hasEntrySatisfying("customer_id", id -> assertThat((String) id).startsWith("erased-"));
    assertThat(
            api(TestTokens.shopper(shopper))
                .get("/api/v1/payment-methods")
                .json()
                .path("items")
                .size())
        .isZero();
    try (TopicReader reader =
        new TopicReader(
            KafkaTestServer.bootstrapServers(), topics.name(Topics.CUSTOMER_ERASURES))) {
      var confirmation =
          reader
              .readUntil(
                  records -> records.stream().anyMatch(r -> shopper.equals(r.key())),
                  Duration.ofSeconds(20))
              .stream()
              .filter(r -> shopper.equals(r.key()))
              .map(r -> EventJson.read(r.value()).payload())
              .findFirst()
              .orElseThrow();
      assertThat(confirmation)
          .isInstanceOfSatisfying(
              CustomerErasureConfirmedV1.class,
              c -> {
                assertThat(c.service()).isEqualTo("payment-service");
                assertThat(c.actions())
                    .containsExactly(
                        "1 saved cards deleted, at the card provider too",
                        "1 payments pseudonymised (kept for accounting with the ledger)");
              });
    }
  }

  @Test
  void anErasureDeliveredTwiceIsConfirmedOnce() {
    String shopper = newId("shopper");
    addCard(shopper, APPROVE);
    EventEnvelope<CustomerErasedV1> erased = envelope(new CustomerErasedV1(shopper, Instant.now()));

    for (int delivery = 0; delivery < 2; delivery++) {
      TopicWriter.send(topics.name(Topics.CUSTOMER_ACCOUNTS), shopper, EventJson.write(erased));
    }

    try (TopicReader reader =
        new TopicReader(
            KafkaTestServer.bootstrapServers(), topics.name(Topics.CUSTOMER_ERASURES))) {
      reader.readUntil(
          records -> records.stream().anyMatch(r -> shopper.equals(r.key())),
          Duration.ofSeconds(20));
      assertThat(
              reader.readFor(Duration.ofSeconds(3)).stream().filter(r -> shopper.equals(r.key())))
          .as("the inbox handles one event id once")
          .hasSize(1);
    }
  }

  private long count(String sql, String parameter) {
    return jdbc.sql(sql).param(parameter).query(Long.class).single();
  }

  private void erase(String customerId) {
    CustomerErasedV1 erased = new CustomerErasedV1(customerId, Instant.now());
    TopicWriter.send(
        topics.name(Topics.CUSTOMER_ACCOUNTS), customerId, EventJson.write(envelope(erased)));
  }
}
