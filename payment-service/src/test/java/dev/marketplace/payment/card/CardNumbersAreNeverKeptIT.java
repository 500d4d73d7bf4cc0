package dev.marketplace.payment.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentFailedV1;
import dev.marketplace.payment.PaymentIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TestTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Card numbers go to the provider and nowhere else: after tokenising every test card, sending
 * invalid and malformed requests that carry card numbers in every field we could think of, and
 * authorising through Kafka, no database row (of any table, as text) and no line this JVM logged
 * contains a number.
 */
@ExtendWith(OutputCaptureExtension.class)
class CardNumbersAreNeverKeptIT extends PaymentIntegrationTest {

  private static final List<String> NUMBERS =
      List.of(
          APPROVE,
          DECLINE,
          INSUFFICIENT_FUNDS,
          TIMEOUT,
          "5555555555554444",
          "378282246310005",
          "4111111111111111");

  /** Invalid (Luhn), so only validation ever sees it. */
  private static final String INVALID = "4111111111111112";

  @Test
  void noCardNumberReachesTheDatabaseOrTheLogs(CapturedOutput output) {
    String shopper = newId("shopper");
    ApiClient client = api(TestTokens.shopper(shopper));
    List<String> tokens = new ArrayList<>();
    for (String number : NUMBERS) {
      Map<String, Object> body = new HashMap<>(card(spaced(number)));
      if (number.startsWith("37")) {
        body.put("cvc", "1234");
      }
      var created = client.post("/api/v1/payment-methods", body);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      tokens.add(created.json().path("id").asString());
    }
    sendCardNumbersWhereTheyDoNotBelong(client);

    String approved = newId("order");
    send(authorize(approved, shopper, tokens.get(0), 2500));
    assertThat(reply(approved, PaymentAuthorizedV1.class).amountMinor()).isEqualTo(2500);
    String declined = newId("order");
    send(authorize(declined, shopper, tokens.get(1), 2500));
    assertThat(reply(declined, PaymentFailedV1.class).reason())
        .isEqualTo(PaymentFailedV1.Reason.DECLINED);

    String database = everyRowAsText();
    String logs = output.getAll();
    assertThat(database).contains(approved).contains("4242");
    for (String number : append(NUMBERS, INVALID)) {
      assertThat(database).as("database").doesNotContain(number).doesNotContain(spaced(number));
      assertThat(logs).as("log output").doesNotContain(number).doesNotContain(spaced(number));
      assertThat(database + logs).doesNotContain(number.substring(0, 12));
    }
  }

  private void sendCardNumbersWhereTheyDoNotBelong(ApiClient client) {
    Map<String, Object> invalid = new HashMap<>(card(INVALID));
    Map<String, Object> expired = new HashMap<>(card(APPROVE));
    expired.put("expiryYear", 2001);
    Map<String, Object> badCvc = new HashMap<>(card(APPROVE));
    badCvc.put("cvc", APPROVE);
    Map<String, Object> inTheName = new HashMap<>(card(APPROVE));
    inTheName.put("holderName", "Ada " + APPROVE);
    Map<String, Object> unknownField = new HashMap<>(card(APPROVE));
    unknownField.put("pan", APPROVE);
    for (Map<String, Object> body : List.of(invalid, expired, badCvc, inTheName, unknownField)) {
      assertThat(client.post("/api/v1/payment-methods", body).status()).isEqualTo(400);
    }
    for (String raw :
        List.of(
            "{\"number\":\"" + APPROVE + "\",\"expiryMonth\":\"" + APPROVE + "\"}",
            "{\"number\":" + APPROVE + ",\"expiryMonth\":[" + APPROVE + "]}",
            "{\"number\":\"" + APPROVE + "\",",
            "{\"number\":\"" + APPROVE + "\" \"cvc\":\"123\"}")) {
      var response = client.send("POST", "/api/v1/payment-methods", raw, "application/json");
      assertThat(response.status()).as(raw).isEqualTo(400);
      assertThat(response.body()).doesNotContain(APPROVE);
    }
  }

  private String everyRowAsText() {
    List<String> tables =
        jdbc.sql(
                """
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)
                FROM information_schema.tables
                WHERE table_type = 'BASE TABLE'
                  AND table_schema NOT IN ('pg_catalog', 'information_schema')
                """)
            .query(String.class)
            .list();
    assertThat(tables).contains("public.payment_method", "public.simulated_provider_card");
    StringBuilder rows = new StringBuilder();
    for (String table : tables) {
      jdbc.sql("SELECT t::text FROM " + table + " t")
          .query(String.class)
          .list()
          .forEach(row -> rows.append(table).append(' ').append(row).append('\n'));
    }
    return rows.toString();
  }

  private static String spaced(String number) {
    return number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
  }

  private static List<String> append(List<String> list, String more) {
    List<String> all = new ArrayList<>(list);
    all.add(more);
    return all;
  }
}
