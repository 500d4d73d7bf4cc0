package dev.marketplace.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.EmailVerificationRequestedV1;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.OAuthClient;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * customer-service against real PostgreSQL and Kafka, with its own signing key and data keys. All
 * subclasses share one application context (and one database), so each test uses fresh emails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CustomerIntegrationTest {

  public static final String ISSUER = "https://auth.test.marketplace";
  public static final String WEB_CLIENT = "marketplace-web";
  public static final String WEB_SECRET = "web-client-secret-for-tests";
  public static final String WEB_CALLBACK = "https://shop.test/login/callback";
  public static final String MOBILE_CLIENT = "marketplace-mobile";
  public static final String MOBILE_CALLBACK = "dev.marketplace.app:/callback";
  public static final String ADMIN_EMAIL = "admin@marketplace.test";
  public static final String ADMIN_PASSWORD = "correct horse battery staple";
  public static final String PASSWORD = "a long shopper password";

  @LocalServerPort protected int port;
  @Autowired protected TopicNames topics;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    TestNamespace namespace = TestNamespace.forClass(CustomerIntegrationTest.class);
    PostgresTestServer.register(registry, namespace);
    KafkaTestServer.register(registry, namespace);
    registry.add("marketplace.auth.issuer", () -> ISSUER);
    registry.add("marketplace.auth.signing-keys[0].id", () -> "key-1");
    registry.add("marketplace.auth.signing-keys[0].private-key", () -> TestKeys.SIGNING_KEY_1);
    registry.add("marketplace.auth.web-client.client-id", () -> WEB_CLIENT);
    registry.add("marketplace.auth.web-client.client-secret", () -> WEB_SECRET);
    registry.add("marketplace.auth.web-client.redirect-uris", () -> WEB_CALLBACK);
    registry.add("marketplace.auth.mobile-client.client-id", () -> MOBILE_CLIENT);
    registry.add("marketplace.auth.mobile-client.redirect-uris", () -> MOBILE_CALLBACK);
    registry.add("marketplace.privacy.encryption-keys.k1", () -> TestKeys.ENCRYPTION_KEY);
    registry.add("marketplace.privacy.active-key", () -> "k1");
    registry.add("marketplace.privacy.blind-index-key", () -> TestKeys.BLIND_INDEX_KEY);
    registry.add("marketplace.bootstrap-admin.email", () -> ADMIN_EMAIL);
    registry.add("marketplace.bootstrap-admin.password", () -> ADMIN_PASSWORD);
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected ApiClient anonymous() {
    return ApiClient.at(baseUrl());
  }

  protected static String newEmail(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /** Signs a shopper up, reads the verification message from Kafka and verifies the address. */
  protected String signUpVerified(String email) {
    var created =
        anonymous()
            .post(
                "/api/v1/customers",
                Map.of(
                    "email",
                    email,
                    "password",
                    PASSWORD,
                    "givenName",
                    "Ada",
                    "familyName",
                    "Lovelace"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    var verified =
        anonymous().post("/api/v1/customers/verify-email", Map.of("token", verificationToken(id)));
    assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
    return id;
  }

  protected String verificationToken(String customerId) {
    try (TopicReader reader =
        new TopicReader(
            KafkaTestServer.bootstrapServers(), topics.name(Topics.CUSTOMER_NOTIFICATIONS))) {
      return reader
          .readUntil(
              records -> records.stream().anyMatch(r -> customerId.equals(r.key())),
              Duration.ofSeconds(30))
          .stream()
          .filter(r -> customerId.equals(r.key()))
          .map(r -> (EmailVerificationRequestedV1) EventJson.read(r.value()).payload())
          .findFirst()
          .orElseThrow()
          .token();
    }
  }

  /** A signed-in web session's tokens for this account. */
  protected OAuthClient.Tokens signInOnTheWeb(String email, String password) {
    OAuthClient.Tokens tokens =
        OAuthClient.at(baseUrl())
            .authorizationCode(WEB_CLIENT, WEB_SECRET, WEB_CALLBACK, email, password);
    assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
    return tokens;
  }

  protected ApiClient as(OAuthClient.Tokens tokens) {
    return anonymous().withToken(tokens.accessToken());
  }

  /** A vendor application, as its owner sends it; the vendor's id. */
  protected String apply(String name, String email) {
    var applied =
        anonymous()
            .post(
                "/api/v1/vendors",
                Map.of("name", name, "contactEmail", email, "password", PASSWORD));
    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    assertThat(applied.json().path("status").asString()).isEqualTo("PENDING");
    return applied.json().path("id").asString();
  }

  /** An approved vendor's owner, signed in on the web. */
  protected OAuthClient.Tokens approvedVendor(String who) {
    String email = newEmail(who);
    String vendorId = apply(who + " Ltd", email);
    assertThat(admin().post("/api/v1/admin/vendors/" + vendorId + "/approve", null).status())
        .isEqualTo(200);
    return signInOnTheWeb(email, PASSWORD);
  }

  protected ApiClient admin() {
    return as(signInOnTheWeb(ADMIN_EMAIL, ADMIN_PASSWORD));
  }
}
