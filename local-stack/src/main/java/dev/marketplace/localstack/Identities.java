package dev.marketplace.localstack;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.EmailVerificationRequestedV1;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.OAuthClient;
import dev.marketplace.testkit.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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
    String customerId = createShopper(email, givenName, familyName);
    verify(customerId, verificationToken(customerId));
    return customerId;
  }

  /** A verified, signed-in shopper. */
  public record Shopper(String customerId, String email, String accessToken) {}

  /**
   * Signs up, verifies and signs in many shoppers, {@code parallelism} at a time: what takes the
   * time is customer-service hashing and checking passwords. All verification messages are read by
   * one consumer, not one each. Every request goes through the gateway, so the stack's per-address
   * limit for identity routes must allow about seven requests per shopper.
   */
  public List<Shopper> signUpShoppers(List<String> emails, int parallelism) {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try {
      List<String> ids = inParallel(pool, emails, email -> createShopper(email, "Test", "Shopper"));
      Map<String, String> tokens = verificationTokens(Set.copyOf(ids));
      List<Integer> indexes = IntStream.range(0, emails.size()).boxed().toList();
      return inParallel(
          pool,
          indexes,
          i -> {
            verify(ids.get(i), tokens.get(ids.get(i)));
            return new Shopper(
                ids.get(i), emails.get(i), signIn(emails.get(i), PASSWORD).accessToken());
          });
    } finally {
      pool.shutdownNow();
    }
  }

  /** What a mail sender would deliver: the token in the verification message. */
  public String verificationToken(String customerId) {
    return verificationTokens(Set.of(customerId)).get(customerId);
  }

  private String createShopper(String email, String givenName, String familyName) {
    var created =
        ApiClient.at(publicUrl)
            .post(
                "/api/v1/customers",
                Map.of(
                    "email", email,
                    "password", PASSWORD,
                    "givenName", givenName,
                    "familyName", familyName));
    require(created.status() == 201, "sign-up: " + created);
    return created.json().path("id").asString();
  }

  private void verify(String customerId, String token) {
    var verified =
        ApiClient.at(publicUrl).post("/api/v1/customers/verify-email", Map.of("token", token));
    require(verified.status() == 204, "verification of " + customerId + ": " + verified);
  }

  /** The verification tokens of the given customers, by customer id. */
  private Map<String, String> verificationTokens(Set<String> customerIds) {
    try (TopicReader reader =
        new TopicReader(kafkaBootstrapServers, Topics.CUSTOMER_NOTIFICATIONS)) {
      Map<String, String> tokens = new HashMap<>();
      reader
          .readUntil(
              records ->
                  records.stream()
                          .map(ConsumerRecord::key)
                          .filter(customerIds::contains)
                          .distinct()
                          .count()
                      == customerIds.size(),
              Duration.ofSeconds(30 + customerIds.size() / 10))
          .stream()
          .filter(r -> customerIds.contains(r.key()))
          .forEach(
              r ->
                  tokens.putIfAbsent(
                      r.key(),
                      ((EmailVerificationRequestedV1) EventJson.read(r.value()).payload())
                          .token()));
      require(
          tokens.keySet().containsAll(customerIds),
          "no verification message for "
              + customerIds.stream().filter(id -> !tokens.containsKey(id)).toList());
      return tokens;
    }
  }

  private static <T, R> List<R> inParallel(
      ExecutorService pool, List<T> inputs, Function<T, R> task) {
    List<Future<R>> futures =
        inputs.stream().map(input -> pool.submit(() -> task.apply(input))).toList();
    List<R> results = new ArrayList<>();
    for (Future<R> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return results;
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException(what);
    }
  }
}
