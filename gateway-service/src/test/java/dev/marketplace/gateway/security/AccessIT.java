package dev.marketplace.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.gateway.GatewayIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens are checked and roles enforced at the edge, before any service is called. */
class AccessIT extends GatewayIntegrationTest {

  static List<Arguments> badTokens() {
    return List.of(
        Arguments.of("expired", TestTokens.expired("v-1")),
        Arguments.of("forged", TestTokens.forged("v-1")),
        Arguments.of("wrong issuer", TestTokens.wrongIssuer("v-1")),
        Arguments.of("wrong audience", TestTokens.wrongAudience("v-1")),
        Arguments.of("not a JWT", "not-a-jwt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void aBadTokenIsRefusedWith401AndNeverReachesTheService(String kind, String token) {
    var response = withToken(token).get("/api/v1/vendor/products");

    assertProblem(response, 401, "unauthorized");
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(CATALOG.service().received()).isEmpty();
  }

  @Test
  void aBadTokenIsRefusedEvenOnAPublicRead() {
    var response = withToken(TestTokens.expired("v-1")).get("/api/v1/products");

    assertProblem(response, 401, "unauthorized");
  }

  @Test
  void noTokenOnAProtectedPathIsAChallenge() {
    var response = anonymous().get("/api/v1/vendor/products");

    assertProblem(response, 401, "unauthorized");
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"marketplace\"");
  }

  @Test
  void aShopperOnTheVendorApiIsForbidden() {
    var response = withToken(TestTokens.shopper(unique("shopper"))).get("/api/v1/vendor/products");

    assertProblem(response, 403, "forbidden");
    assertThat(CATALOG.service().received()).isEmpty();
  }

  static List<Arguments> rules() {
    String shopper = TestTokens.shopper("s-1");
    String vendor = TestTokens.vendor("v-1");
    String support = TestTokens.issue("support-1", List.of("SUPPORT"), Map.of());
    String admin = TestTokens.issue("admin-1", List.of("ADMIN"), Map.of());
    return List.of(
        // Public reads and sign-up need no token.
        Arguments.of("GET", "/api/v1/products/p-1", null, 200),
        Arguments.of("GET", "/api/v1/categories", null, 200),
        Arguments.of("GET", "/api/v1/search/products?q=lamp", null, 200),
        Arguments.of("POST", "/api/v1/customers", null, 200),
        Arguments.of("POST", "/api/v1/customers/verify-email", null, 200),
        Arguments.of("POST", "/api/v1/vendors", null, 200),
        // Writes to products and categories are not public.
        Arguments.of("POST", "/api/v1/products", null, 401),
        Arguments.of("POST", "/api/v1/categories", vendor, 403),
        Arguments.of("PUT", "/api/v1/categories/lighting", admin, 200),
        // Search administration is for ADMIN only, reads included.
        Arguments.of("GET", "/api/v1/search/admin/reindex", null, 401),
        Arguments.of("GET", "/api/v1/search/admin/reindex", support, 403),
        Arguments.of("POST", "/api/v1/search/admin/reindex", admin, 200),
        // A shopper's own data.
        Arguments.of("GET", "/api/v1/customers/me", shopper, 200),
        Arguments.of("GET", "/api/v1/customers/me/addresses", vendor, 403),
        // The vendor API, including the vendor's own users and API clients.
        Arguments.of("GET", "/api/v1/vendor/products", vendor, 200),
        Arguments.of("POST", "/api/v1/vendor/clients", shopper, 403),
        Arguments.of("GET", "/api/v1/vendor/users", vendor, 200),
        // Staff: SUPPORT reads, ADMIN changes.
        Arguments.of("GET", "/api/v1/admin/vendors", support, 200),
        Arguments.of("GET", "/api/v1/admin/vendors", admin, 200),
        Arguments.of("GET", "/api/v1/admin/vendors", vendor, 403),
        Arguments.of("POST", "/api/v1/admin/vendors/v-1/approve", support, 403),
        Arguments.of("POST", "/api/v1/admin/vendors/v-1/approve", admin, 200),
        // Anything else needs a valid token, whatever its role.
        Arguments.of("GET", "/api/v1/vendors/v-1", null, 401),
        Arguments.of("GET", "/api/v1/vendors/v-1", shopper, 200));
  }

  @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
  @MethodSource("rules")
  void eachPathNeedsItsRole(String method, String path, String token, int expected) {
    ApiClient client = token == null ? anonymous() : withToken(token);

    var response =
        client.send(method, path, method.equals("GET") ? null : "{}", "application/json");

    assertThat(response.status()).as(response.toString()).isEqualTo(expected);
  }

  @Test
  void theAuthorizationServersOwnEndpointsAreNotJudgedByTheGateway() {
    // /userinfo checks its own tokens; a token the gateway would refuse still reaches it.
    var response = withToken(TestTokens.wrongAudience("v-1")).get("/userinfo");

    assertThat(response.status()).isEqualTo(200);
    assertThat(CUSTOMER.service().received()).hasSize(1);
  }

  @Test
  void operationsEndpointsAreOpenAndNothingElseOfActuatorIs() {
    assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/prometheus").body())
        .contains("http_server_requests_seconds_count");
    assertThat(withToken(TestTokens.shopper(unique("s"))).get("/actuator/env").status())
        .isEqualTo(404);
  }

  private static void assertProblem(ApiClient.Response response, int status, String kind) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/" + kind);
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
  }
}
