package dev.marketplace.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.gateway.GatewayIntegrationTest;
import dev.marketplace.gateway.ReceivedRequest;
import dev.marketplace.gateway.Upstream;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TestTokens;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each path reaches its service, with the caller's token, trace and public address. */
class RoutingIT extends GatewayIntegrationTest {

  static List<Arguments> routes() {
    String admin = TestTokens.issue("admin-1", List.of("ADMIN"), Map.of());
    String shopper = TestTokens.shopper("shopper-route");
    String vendor = TestTokens.vendor("vendor-route");
    return List.of(
        Arguments.of("GET", "/api/v1/products/p-1?fields=name", CATALOG, null),
        Arguments.of("GET", "/api/v1/categories", CATALOG, null),
        Arguments.of("POST", "/api/v1/categories", CATALOG, admin),
        Arguments.of("POST", "/api/v1/vendor/products", CATALOG, vendor),
        Arguments.of("GET", "/api/v1/search/products?q=lamp", SEARCH, null),
        Arguments.of("POST", "/api/v1/search/admin/reindex", SEARCH, admin),
        Arguments.of("POST", "/api/v1/customers", CUSTOMER, null),
        Arguments.of("GET", "/api/v1/customers/me", CUSTOMER, shopper),
        Arguments.of("GET", "/api/v1/vendors/v-1", CUSTOMER, vendor),
        Arguments.of("POST", "/api/v1/vendor/clients", CUSTOMER, vendor),
        Arguments.of("GET", "/api/v1/vendor/users", CUSTOMER, vendor),
        Arguments.of("GET", "/api/v1/admin/vendors", CUSTOMER, admin),
        Arguments.of("POST", "/oauth2/token", CUSTOMER, null),
        Arguments.of("GET", "/.well-known/openid-configuration", CUSTOMER, null),
        Arguments.of("GET", "/login", CUSTOMER, null),
        Arguments.of("POST", "/logout", CUSTOMER, null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void eachPathReachesItsServiceUnchanged(
      String method, String path, Upstream upstream, String token) {
    ApiClient client = token == null ? anonymous() : withToken(token);

    var response =
        client.send(method, path, method.equals("POST") ? "{}" : null, "application/json");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<ReceivedRequest> received = upstream.service().received();
    assertThat(received)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo(method);
              assertThat(r.pathAndQuery()).isEqualTo(path);
              assertThat(r.header("Authorization"))
                  .isEqualTo(token == null ? null : "Bearer " + token);
            });
  }

  @Test
  void theServiceLearnsTheCallerAndThePublicAddressButNotWhatTheClientClaims() {
    String token = TestTokens.vendor(unique("vendor"));

    var response =
        withToken(token)
            // Entries left of the one the trusted proxy appended are the client's own claims.
            .withHeader("X-Forwarded-For", "6.6.6.6, 203.0.113.9")
            .withHeader("X-Forwarded-Proto", "http, https")
            .withHeader("X-Forwarded-Host", "evil.example, api.marketplace.example")
            .withHeader("X-Forwarded-Port", "443")
            .withHeader("Forwarded", "for=6.6.6.6;host=evil.example")
            .get("/api/v1/vendor/products");

    assertThat(response.status()).isEqualTo(200);
    ReceivedRequest received = CATALOG.service().received().getFirst();
    assertThat(received.header("X-Forwarded-For")).isEqualTo("203.0.113.9");
    assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(received.header("X-Forwarded-Host")).isEqualTo("api.marketplace.example:443");
    assertThat(received.header("X-Forwarded-Port")).isEqualTo("443");
    assertThat(received.header("Forwarded")).isNull();
    assertThat(received.header("Host")).isEqualTo(CATALOG.uri().substring("http://".length()));
  }

  @Test
  void theTraceContinuesInTheServiceAndItsIdComesBackAsCorrelationId() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    var response =
        anonymous()
            .withHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .get("/api/v1/search/products?q=lamp");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Correlation-Id")).isEqualTo(traceId);
    String traceparent = SEARCH.service().received().getFirst().header("traceparent");
    assertThat(traceparent).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
  }

  @Test
  void aRequestWithoutTraceStartsOneAndAnswersItsId() {
    var response = anonymous().get("/api/v1/products");

    String traceparent = CATALOG.service().received().getFirst().header("traceparent");
    assertThat(traceparent).isNotNull();
    assertThat(response.header("X-Correlation-Id")).isEqualTo(traceparent.split("-")[1]);
  }

  @Test
  void signInPagesPassCookiesAndRedirectsThroughUntouched() {
    CUSTOMER
        .service()
        .answer(
            "/login",
            302,
            Map.of(
                "Location",
                "http://localhost:" + port + "/oauth2/authorize?continue",
                "Set-Cookie",
                "JSESSIONID=abc123; Path=/; HttpOnly"),
            "");

    var response =
        anonymous()
            .withHeader("Cookie", "JSESSIONID=previous")
            // A bearer header on the sign-in form is not the gateway's to judge.
            .withHeader("Authorization", "Bearer not-a-jwt")
            .send("POST", "/login", "username=a&password=b", "application/x-www-form-urlencoded");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Set-Cookie")).isEqualTo("JSESSIONID=abc123; Path=/; HttpOnly");
    assertThat(response.header("Location")).endsWith("/oauth2/authorize?continue");
    ReceivedRequest received = CUSTOMER.service().received().getFirst();
    assertThat(received.header("Cookie")).isEqualTo("JSESSIONID=previous");
    assertThat(received.body()).isEqualTo("username=a&password=b");
  }

  @Test
  void eachServicesApiDocsAreServedUnderItsName() {
    SEARCH
        .service()
        .answer(
            "/v3/api-docs",
            200,
            Map.of("Content-Type", "application/json"),
            "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"search-service\"}}");

    var response = anonymous().get("/v3/api-docs/search");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("info").path("title").asString()).isEqualTo("search-service");
    assertThat(SEARCH.service().received().getFirst().pathAndQuery()).isEqualTo("/v3/api-docs");
  }

  @Test
  void swaggerUiListsEveryServicesDocs() {
    var page = anonymous().get("/swagger-ui.html");
    String uiPath =
        page.status() == 302 ? URI.create(page.header("Location")).getPath() : "/swagger-ui.html";
    assertThat(anonymous().get(uiPath).body()).contains("swagger-ui");

    var config = anonymous().get("/v3/api-docs/swagger-config");

    assertThat(config.status()).as(config.toString()).isEqualTo(200);
    assertThat(config.body())
        .contains("/v3/api-docs/catalog", "/v3/api-docs/search", "/v3/api-docs/customer");
  }

  @Test
  void anUnknownPathIsANotFoundProblem() {
    var response = withToken(TestTokens.shopper(unique("shopper"))).get("/api/v1/nothing-here");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/not-found");
  }
}
