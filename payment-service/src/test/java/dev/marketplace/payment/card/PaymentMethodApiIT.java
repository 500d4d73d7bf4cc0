package dev.marketplace.payment.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.payment.PaymentIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TestTokens;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class PaymentMethodApiIT extends PaymentIntegrationTest {

  /** Passes the Luhn check, but no scheme issues numbers starting with 9. */
  private static final String UNKNOWN_BRAND = "9111111111111110";

  @Test
  void aShopperTokenisesACardAndSeesOnlyWhatIdentifiesIt() {
    String shopper = newId("shopper");
    var created =
        api(TestTokens.shopper(shopper))
            .post("/api/v1/payment-methods", card("4242 4242 4242 4242"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(created.header("Location"))
        .isEqualTo("/api/v1/payment-methods/" + body.path("id").asString());
    assertThat(body.path("brand").asString()).isEqualTo("VISA");
    assertThat(body.path("lastFour").asString()).isEqualTo("4242");
    assertThat(body.path("expiryYear").asInt()).isEqualTo(YearMonth.now().plusYears(3).getYear());
    assertThat(created.body()).doesNotContain("4242424242424242").doesNotContain("123\"");
    assertThat(fieldNames(body))
        .containsExactlyInAnyOrder(
            "id", "brand", "lastFour", "expiryMonth", "expiryYear", "createdAt");
  }

  @Test
  void recognisesEachBrandWeAccept() {
    String shopper = newId("shopper");
    ApiClient client = api(TestTokens.shopper(shopper));
    Map<String, Object> amex = new HashMap<>(card("3782 822463 10005"));
    amex.put("cvc", "1234");

    assertThat(client.post("/api/v1/payment-methods", amex).json().path("brand").asString())
        .isEqualTo("AMERICAN_EXPRESS");
    assertThat(
            client
                .post("/api/v1/payment-methods", card("5555555555554444"))
                .json()
                .path("brand")
                .asString())
        .isEqualTo("MASTERCARD");
    assertThat(
            client
                .post("/api/v1/payment-methods", card("6011111111111117"))
                .json()
                .path("brand")
                .asString())
        .isEqualTo("DISCOVER");
  }

  @Test
  void aShopperListsOnlyTheirOwnCardsAndAnotherShoppersCardIsNotFound() {
    String ada = newId("shopper");
    String bob = newId("shopper");
    String adasVisa = addCard(ada, APPROVE);
    String adasOther = addCard(ada, DECLINE);
    String bobsCard = addCard(bob, APPROVE);

    var list = api(TestTokens.shopper(ada)).get("/api/v1/payment-methods");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("items").findValuesAsString("id"))
        .containsExactly(adasVisa, adasOther);
    assertThat(list.json().path("totalItems").asLong()).isEqualTo(2);

    assertThat(api(TestTokens.shopper(ada)).get("/api/v1/payment-methods/" + adasVisa).status())
        .isEqualTo(200);
    var others = api(TestTokens.shopper(ada)).get("/api/v1/payment-methods/" + bobsCard);
    assertThat(others.status()).isEqualTo(404);
    assertThat(others.contentType()).startsWith("application/problem+json");
  }

  @Test
  void cardsNeedAShoppersToken() {
    var anonymous =
        ApiClient.at("http://localhost:" + port).post("/api/v1/payment-methods", card(APPROVE));
    assertThat(anonymous.status()).isEqualTo(401);
    var vendor =
        api(TestTokens.vendor(newId("vendor"))).post("/api/v1/payment-methods", card(APPROVE));
    assertThat(vendor.status()).isEqualTo(403);
    assertThat(vendor.contentType()).startsWith("application/problem+json");
  }

  static List<Arguments> invalidCards() {
    YearMonth lastMonth = YearMonth.now().minusMonths(1);
    YearMonth lastYear = YearMonth.now().minusYears(1);
    // In January, last month is in last year, and the year is what makes the card expired.
    String lastMonthsField =
        lastMonth.getYear() < YearMonth.now().getYear() ? "expiryYear" : "expiryMonth";
    return List.of(
        Arguments.of("number", "4242424242424241", Map.of()),
        Arguments.of("number", "4242-4242-abcd-4242", Map.of()),
        Arguments.of("number", "42424242", Map.of()),
        Arguments.of("number", UNKNOWN_BRAND, Map.of()),
        Arguments.of("number", "", Map.of()),
        Arguments.of(
            lastMonthsField,
            APPROVE,
            Map.of("expiryMonth", lastMonth.getMonthValue(), "expiryYear", lastMonth.getYear())),
        Arguments.of(
            "expiryYear",
            APPROVE,
            Map.of("expiryMonth", lastYear.getMonthValue(), "expiryYear", lastYear.getYear())),
        Arguments.of("expiryMonth", APPROVE, Map.of("expiryMonth", 13)),
        Arguments.of("expiryYear", APPROVE, Map.of("expiryYear", 30)),
        Arguments.of("cvc", APPROVE, Map.of("cvc", "12")),
        Arguments.of("cvc", APPROVE, Map.of("cvc", "12a")),
        Arguments.of("cvc", "378282246310005", Map.of("cvc", "123")),
        Arguments.of("holderName", APPROVE, Map.of("holderName", " ")));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("invalidCards")
  void invalidCardDetailsAreAProblemNamingTheField(
      String field, String number, Map<String, Object> changes) {
    Map<String, Object> body = new HashMap<>(card(number));
    body.putAll(changes);

    var response = api(TestTokens.shopper(newId("shopper"))).post("/api/v1/payment-methods", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/validation");
    assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly(field);
    if (!number.isEmpty()) {
      assertThat(response.body()).doesNotContain(number);
    }
  }

  @Test
  void everyInvalidFieldIsNamedAtOnce() {
    var response =
        api(TestTokens.shopper(newId("shopper")))
            .post("/api/v1/payment-methods", Map.of("expiryMonth", 0, "cvc", "x"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("number", "expiryMonth", "expiryYear", "cvc", "holderName");
  }

  @Test
  void unknownFieldsAndMalformedBodiesAreRefused() {
    Map<String, Object> withTypo = new HashMap<>(card(APPROVE));
    withTypo.put("cvv", "123");
    var typo = api(TestTokens.shopper(newId("shopper"))).post("/api/v1/payment-methods", withTypo);
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().path("errors").findValuesAsString("field")).containsExactly("cvv");

    var malformed =
        api(TestTokens.shopper(newId("shopper")))
            .send("POST", "/api/v1/payment-methods", "{\"number\":", "application/json");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/malformed-request");
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }
}
