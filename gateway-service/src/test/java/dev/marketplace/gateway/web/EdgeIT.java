package dev.marketplace.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.gateway.GatewayIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every answer gets at the edge: CORS, security headers, the body size limit. */
class EdgeIT extends GatewayIntegrationTest {

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() {
    var response =
        anonymous()
            .withHeader("Origin", ALLOWED_ORIGIN)
            .withHeader("Access-Control-Request-Method", "POST")
            .withHeader("Access-Control-Request-Headers", "authorization, content-type")
            .send("OPTIONS", "/api/v1/vendor/products", null, null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(response.header("Access-Control-Allow-Headers").toLowerCase())
        .contains("authorization", "content-type");
    assertThat(CATALOG.service().received()).isEmpty();
  }

  @Test
  void aPreflightFromAnotherOriginIsRefused() {
    var response =
        anonymous()
            .withHeader("Origin", "https://evil.example")
            .withHeader("Access-Control-Request-Method", "POST")
            .send("OPTIONS", "/api/v1/vendor/products", null, null);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void anAllowedOriginReadsTheAnswerWithOneAllowOriginHeaderTheGatewaysOwn() {
    var response = anonymous().withHeader("Origin", ALLOWED_ORIGIN).get("/api/v1/products");

    assertThat(response.status()).isEqualTo(200);
    // The fake service adds "Access-Control-Allow-Origin: *" itself; only the gateway's remains.
    assertThat(response.raw().headers().allValues("Access-Control-Allow-Origin"))
        .containsExactly(ALLOWED_ORIGIN);
    assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Correlation-Id");
  }

  @Test
  void errorsCarryCorsHeadersSoABrowserCanReadThem() {
    var response = anonymous().withHeader("Origin", ALLOWED_ORIGIN).get("/api/v1/vendor/products");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
  }

  @Test
  void answersCarrySecurityHeaders() {
    var response = anonymous().get("/api/v1/products");

    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    // Plain HTTP: a browser would ignore HSTS, and it must not be sent.
    assertThat(response.header("Strict-Transport-Security")).isNull();
  }

  @Test
  void httpsAtTheTrustedProxyAddsHsts() {
    var response = anonymous().withHeader("X-Forwarded-Proto", "https").get("/api/v1/products");

    assertThat(response.header("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000 ; includeSubDomains");
  }

  @Test
  void aDeclaredOversizedBodyIsA413BeforeTheServiceSeesIt() {
    String body = "{\"description\":\"" + "x".repeat(MAX_BODY_BYTES) + "\"}";

    var response =
        withToken(TestTokens.vendor(unique("vendor"))).post("/api/v1/vendor/products", body);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/payload-too-large");
    assertThat(CATALOG.service().received()).isEmpty();
  }

  @Test
  void aStreamedOversizedBodyIsA413Too() throws Exception {
    byte[] body = new byte[MAX_BODY_BYTES * 2];
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/customers"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", nextClientAddress())
            .timeout(Duration.ofSeconds(10))
            // No length: the body is sent chunked and counted as it streams.
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("payload-too-large");
  }

  @Test
  void aBodyWithinTheLimitPasses() {
    String body = "{\"description\":\"" + "x".repeat(MAX_BODY_BYTES - 100) + "\"}";

    ApiClient.Response response =
        withToken(TestTokens.vendor(unique("vendor"))).post("/api/v1/vendor/products", body);

    assertThat(response.status()).isEqualTo(200);
    assertThat(CATALOG.service().received().getFirst().body()).isEqualTo(body);
  }
}
