package dev.marketplace.localstack;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.EmailVerificationRequestedV1;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.OAuthClient;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.util.Map;

/**
 * Real identities in a running stack, made through its public APIs and the standard OAuth2 flows
 * (via the gateway): the bootstrap administrator, vendors onboarded and approved with API clients,
 * and verified shoppers. Demo data, benchmarks and end-to-end tests all get their tokens here.
 */
public final class Identities {

  public static final String WEB_CLIENT = "marketplace-web";
  public static final String WEB_CALLBACK = "http://localhost:3000/login/callback";
  public static final String PASSWORD = "demo password 1234";

  private final String publicUrl;
  private final String kafkaBootstrapServers;
  private final LocalSecrets secrets;

  public Identities(String publicUrl, String kafkaBootstrapServers, LocalSecrets secrets) {
    this.publicUrl = publicUrl;
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.secrets = secrets;
  }

  /** A vendor's organisation id and its API client's credentials. */
  public record Vendor(String id, String email, String clientId, String clientSecret) {}

  /** Signs in as the given account through the web shop's client: authorization code + PKCE. */
  public OAuthClient.Tokens signIn(String email, String password) {
    OAuthClient.Tokens tokens =
        OAuthClient.at(publicUrl)
            .authorizationCode(
                WEB_CLIENT, secrets.webClientSecret(), WEB_CALLBACK, email, password);
    require(tokens.status() == 200, "sign-in of " + email + ": " + tokens.body());
    return tokens;
  }

  public String adminToken() {
    return signIn(secrets.adminEmail(), secrets.adminPassword()).accessToken();
  }

  /** Applies as a vendor, has the administrator approve it, and creates an API client. */
  public Vendor onboardVendor(String name, String email) {
    ApiClient api = ApiClient.at(publicUrl);
    var applied =
        api.post(
            "/api/v1/vendors", Map.of("name", name, "contactEmail", email, "password", PASSWORD));
    require(applied.status() == 201, "vendor application: " + applied);
    String vendorId = applied.json().path("id").asString();
    var approved =
        api.withToken(adminToken()).post("/api/v1/admin/vendors/" + vendorId + "/approve", null);
    require(approved.status() == 200, "vendor approval: " + approved);
    var client =
        api.withToken(signIn(email, PASSWORD).accessToken())
            .post("/api/v1/vendor/clients", Map.of("name", name + " integration"));
    require(client.status() == 201, "vendor API client: " + client);
    return new Vendor(
        vendorId,
        email,
        client.json().path("clientId").asString(),
        client.json().path("clientSecret").asString());
  }

  /** A token for the vendor's systems: the client credentials grant. */
  public String vendorToken(Vendor vendor) {
    OAuthClient.Tokens tokens =
        OAuthClient.at(publicUrl).clientCredentials(vendor.clientId(), vendor.clientSecret());
    require(tokens.status() == 200, "client credentials: " + tokens.body());
    return tokens.accessToken();
  }

  /** Signs a shopper up and verifies the address with the token the verification event carries. */
  public String signUpShopper(String email, String givenName, String familyName) {
    ApiClient api = ApiClient.at(publicUrl);
    var created =
        api.post(
            "/api/v1/customers",
            Map.of(
                "email", email,
                "password", PASSWORD,
                "givenName", givenName,
                "familyName", familyName));
    require(created.status() == 201, "sign-up: " + created);
    String customerId = created.json().path("id").asString();
    var verified =
        api.post("/api/v1/customers/verify-email", Map.of("token", verificationToken(customerId)));
    require(verified.status() == 204, "verification: " + verified);
    return customerId;
  }

  /** What a mail sender would deliver: the token in the verification message. */
  public String verificationToken(String customerId) {
    try (TopicReader reader =
        new TopicReader(kafkaBootstrapServers, Topics.CUSTOMER_NOTIFICATIONS)) {
      return reader
          .readUntil(
              records -> records.stream().anyMatch(r -> customerId.equals(r.key())),
              Duration.ofSeconds(30))
          .stream()
          .filter(r -> customerId.equals(r.key()))
          .map(r -> (EmailVerificationRequestedV1) EventJson.read(r.value()).payload())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no verification message for " + customerId))
          .token();
    }
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException(what);
    }
  }
}
