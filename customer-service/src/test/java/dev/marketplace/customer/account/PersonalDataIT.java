package dev.marketplace.customer.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.marketplace.customer.CustomerIntegrationTest;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.CustomerErasedV1;
import dev.marketplace.events.customer.CustomerErasureConfirmedV1;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.OAuthClient;
import dev.marketplace.testkit.TopicReader;
import dev.marketplace.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal data is unreadable at rest, exportable in full, and erasable for good. */
class PersonalDataIT extends CustomerIntegrationTest {

  private static final Map<String, Object> HOME =
      Map.of(
          "label", "Home",
          "recipient", "Ada Lovelace",
          "line1", "12 St James's Square",
          "city", "London",
          "postalCode", "SW1Y 4JH",
          "country", "GB",
          "phone", "+44 20 7946 0958");

  @Autowired JdbcClient jdbc;
  @Autowired AddressRepository addresses;

  @Test
  void aValueCopiedToAnotherRowOrColumnDoesNotOpen() {
    OAuthClient.Tokens tokens = shopperWithData(newEmail("moved"));
    var work = new java.util.HashMap<>(HOME);
    work.put("label", "Work");
    work.put("line1", "1 Work Street");
    assertThat(as(tokens).post("/api/v1/customers/me/addresses", work).status()).isEqualTo(201);
    List<UUID> ids =
        jdbc.sql("SELECT id FROM address WHERE account_id = ? ORDER BY created_at, id")
            .param(UUID.fromString(profileId(tokens)))
            .query(UUID.class)
            .list();
    UUID first = ids.get(0);
    UUID second = ids.get(1);
    assertThat(addresses.findById(second).orElseThrow().view().line1()).isNotBlank();

    jdbc.sql("UPDATE address SET line1 = (SELECT line1 FROM address WHERE id = ?) WHERE id = ?")
        .params(first, second)
        .update();
    jdbc.sql("UPDATE address SET city = line1 WHERE id = ?").param(first).update();

    assertThatThrownBy(() -> addresses.findById(second))
        .hasStackTraceContaining("address.line1:" + second + " cannot be opened");
    assertThatThrownBy(() -> addresses.findById(first))
        .hasStackTraceContaining("address.city:" + first + " cannot be opened");
    jdbc.sql("DELETE FROM address WHERE id IN (?, ?)").params(first, second).update();
  }

  @Test
  void rawRowsHoldNoPersonalDataInClear() {
    String email = newEmail("private");
    OAuthClient.Tokens tokens = shopperWithData(email);

    String rows = rawRowsOf(UUID.fromString(profileId(tokens)));

    assertThat(rows)
        .doesNotContain(email)
        .doesNotContain("Ada")
        .doesNotContain("Lovelace")
        .doesNotContain("St James")
        .doesNotContain("SW1Y")
        .doesNotContain("7946");
    assertThat(rows).contains("k1:"); // what is stored is ciphertext under key k1
  }

  @Test
  void anExportHoldsEverythingTheServiceKnowsAboutTheShopper() {
    String email = newEmail("export");
    OAuthClient.Tokens tokens = shopperWithData(email);

    var export = as(tokens).get("/api/v1/customers/me/export");

    assertThat(export.status()).isEqualTo(200);
    var json = export.json();
    assertThat(json.path("profile").path("email").asString()).isEqualTo(email);
    assertThat(json.path("profile").path("phone").asString()).isEqualTo("+44 20 7946 0958");
    assertThat(json.path("profile").path("preferredCurrency").asString()).isEqualTo("GBP");
    assertThat(json.path("addresses").get(0).path("line1").asString())
        .isEqualTo("12 St James's Square");
    assertThat(json.path("consentHistory").findValuesAsString("purpose"))
        .containsExactly("MARKETING_EMAIL", "MARKETING_EMAIL");
    assertThat(json.path("consentHistory").findValues("granted").stream().map(n -> n.asBoolean()))
        .containsExactly(true, false);
  }

  @Test
  void erasureLeavesNothingPersonalStopsSignInAndTellsTheOtherServices() {
    String email = newEmail("erase");
    OAuthClient.Tokens tokens = shopperWithData(email);
    String id = profileId(tokens);

    var erased = as(tokens).delete("/api/v1/customers/me");
    assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
    String reportUrl = erased.json().path("reportUrl").asString();
    assertThat(erased.header("Location")).isEqualTo(reportUrl);

    var account =
        jdbc.sql(
                "SELECT email, given_name, family_name, phone, password_hash, status FROM account"
                    + " WHERE id = ?")
            .param(UUID.fromString(id))
            .query()
            .singleRow();
    assertThat(account.get("status")).isEqualTo("ERASED");
    assertThat(account)
        .containsEntry("email", null)
        .containsEntry("given_name", null)
        .containsEntry("family_name", null)
        .containsEntry("phone", null)
        .containsEntry("password_hash", null);
    assertThat(count("address", id)).isZero();
    assertThat(count("consent_record", id)).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(OAuthClient.at(baseUrl()).signIn(email, PASSWORD).rejected()).isTrue();
    assertThat(
            OAuthClient.at(baseUrl())
                .refresh(WEB_CLIENT, WEB_SECRET, tokens.refreshToken())
                .status())
        .isEqualTo(400);
    assertThat(as(tokens).get("/api/v1/customers/me").status())
        .as("revoked, or (before the revocation arrives) an account that is gone")
        .isIn(401, 404);
    try (TopicReader reader =
        new TopicReader(
            KafkaTestServer.bootstrapServers(), topics.name(Topics.CUSTOMER_ACCOUNTS))) {
      List<Object> events =
          reader
              .readUntil(
                  r ->
                      r.stream()
                          .anyMatch(
                              record ->
                                  id.equals(record.key())
                                      && EventJson.read(record.value()).payload()
                                          instanceof CustomerErasedV1),
                  Duration.ofSeconds(30))
              .stream()
              .filter(r -> id.equals(r.key()))
              .map(r -> (Object) EventJson.read(r.value()).payload())
              .toList();
      assertThat(events).hasAtLeastOneElementOfType(CustomerErasedV1.class);
    }
    assertErasureReportFollowsTheServicesConfirmations(id, reportUrl);
    // The address is free again: the erased account no longer holds it.
    signUpVerified(email);
  }

  @Test
  void aShopperSeesOnlyTheirOwnAddresses() {
    OAuthClient.Tokens alice = shopperWithData(newEmail("alice"));
    OAuthClient.Tokens bob = shopperWithData(newEmail("bob"));
    String aliceAddress =
        as(alice).get("/api/v1/customers/me/addresses").json().get(0).path("id").asString();

    assertThat(as(bob).delete("/api/v1/customers/me/addresses/" + aliceAddress).status())
        .isEqualTo(404);
    assertThat(as(alice).get("/api/v1/customers/me/addresses").json().size()).isEqualTo(1);
  }

  @Test
  void badAddressesAndProfilesAreFieldErrors() {
    OAuthClient.Tokens tokens = shopperWithData(newEmail("typo"));

    var address =
        as(tokens)
            .post(
                "/api/v1/customers/me/addresses",
                Map.of(
                    "recipient",
                    "X",
                    "line1",
                    "Y",
                    "city",
                    "Z",
                    "postalCode",
                    "1",
                    "country",
                    "Britain"));
    var profile =
        as(tokens)
            .put(
                "/api/v1/customers/me",
                Map.of("givenName", "A", "familyName", "B", "preferredCurrency", "pounds"));

    assertThat(address.status()).isEqualTo(400);
    assertThat(address.json().path("errors").findValuesAsString("field"))
        .containsExactly("country");
    assertThat(profile.status()).isEqualTo(400);
    assertThat(profile.json().path("errors").findValuesAsString("field"))
        .containsExactly("preferredCurrency");
  }

  private OAuthClient.Tokens shopperWithData(String email) {
    signUpVerified(email);
    OAuthClient.Tokens tokens = signInOnTheWeb(email, PASSWORD);
    var profile =
        as(tokens)
            .put(
                "/api/v1/customers/me",
                Map.of(
                    "givenName", "Ada",
                    "familyName", "Lovelace",
                    "phone", "+44 20 7946 0958",
                    "preferredLocale", "en-GB",
                    "preferredCurrency", "GBP"));
    assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    assertThat(as(tokens).post("/api/v1/customers/me/addresses", HOME).status()).isEqualTo(201);
    assertThat(
            as(tokens)
                .post(
                    "/api/v1/customers/me/consents",
                    Map.of("purpose", "MARKETING_EMAIL", "granted", true))
                .status())
        .isEqualTo(200);
    assertThat(
            as(tokens)
                .post(
                    "/api/v1/customers/me/consents",
                    Map.of("purpose", "MARKETING_EMAIL", "granted", false))
                .status())
        .isEqualTo(200);
    return tokens;
  }

  private String profileId(OAuthClient.Tokens tokens) {
    return as(tokens).get("/api/v1/customers/me").json().path("id").asString();
  }

  private String rawRowsOf(UUID accountId) {
    return jdbc.sql("SELECT row_to_json(a)::text FROM account a WHERE id = ?")
            .param(accountId)
            .query(String.class)
            .single()
        + jdbc.sql(
                "SELECT coalesce(string_agg(row_to_json(d)::text, ''), '') FROM address d WHERE account_id = ?")
            .param(accountId)
            .query(String.class)
            .single();
  }

  private long count(String table, String accountId) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE account_id = ?")
        .param(UUID.fromString(accountId))
        .query(Long.class)
        .single();
  }

  private void assertErasureReportFollowsTheServicesConfirmations(String id, String reportUrl) {
    var report = anonymous().get(reportUrl);
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    assertThat(report.json().path("complete").asBoolean()).isFalse();
    assertThat(report.json().path("services").findValuesAsString("service"))
        .containsExactly("customer-service", "order-service", "payment-service");
    assertThat(report.json().path("services").findValuesAsString("status"))
        .containsExactly("CONFIRMED", "PENDING", "PENDING");
    assertThat(report.toString()).doesNotContain("@example.com");

    for (String service : List.of("order-service", "payment-service", "order-service")) {
      confirm(id, service);
    }

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(anonymous().get(reportUrl).json().path("complete").asBoolean())
                    .isTrue());
    var staffView = admin().get("/api/v1/admin/erasures/" + id);
    assertThat(staffView.status()).isEqualTo(200);
    assertThat(staffView.json().path("services").get(1).path("actions").get(0).asString())
        .isEqualTo("cart deleted by order-service");
    assertThat(anonymous().get("/api/v1/customers/erasure-reports/not-a-key").status())
        .isEqualTo(404);
    assertThat(anonymous().get("/api/v1/admin/erasures/" + id).status()).isEqualTo(401);
    String otherEmail = newEmail("other");
    signUpVerified(otherEmail);
    assertThat(
            as(signInOnTheWeb(otherEmail, PASSWORD)).get("/api/v1/admin/erasures/" + id).status())
        .as("another shopper reads no one's report by id")
        .isEqualTo(403);
  }

  private void confirm(String customerId, String service) {
    CustomerErasureConfirmedV1 confirmation =
        new CustomerErasureConfirmedV1(
            customerId, service, List.of("cart deleted by " + service), Instant.now());
    TopicWriter.send(
        topics.name(Topics.CUSTOMER_ERASURES),
        customerId,
        EventJson.write(EventEnvelope.of(service, Instant.now(), null, confirmation)));
  }
}
