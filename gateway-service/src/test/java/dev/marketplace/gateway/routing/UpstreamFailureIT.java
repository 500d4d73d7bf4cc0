package dev.marketplace.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.gateway.GatewayIntegrationTest;
import dev.marketplace.gateway.MalformedHttpServer;
import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A failing service gets its caller a problem+json answer in bounded time: 503 when it cannot be
 * reached or its circuit is open, 504 when it is too slow, 502 when its answer is not HTTP.
 */
class UpstreamFailureIT extends GatewayIntegrationTest {

  private static final MalformedHttpServer GARBAGE = MalformedHttpServer.start();

  @Test
  void aStoppedServiceIsA503WithinTheConnectTimeout() {
    CATALOG.stop();

    Timed<ApiClient.Response> call = timed(() -> anonymous().get("/api/v1/products"));

    assertProblem(call.result(), 503, "service-unavailable");
    // Well short of hanging: the bound leaves room for a slow machine.
    assertThat(call.took()).isLessThan(Duration.ofMillis(CONNECT_TIMEOUT_MS + 10_000));
  }

  @Test
  void aSlowServiceIsA504AfterTheResponseTimeout() {
    SEARCH.service().hold();

    Timed<ApiClient.Response> call = timed(() -> anonymous().get("/api/v1/search/products?q=x"));

    assertProblem(call.result(), 504, "gateway-timeout");
    assertThat(call.took())
        .isGreaterThanOrEqualTo(Duration.ofMillis(RESPONSE_TIMEOUT_MS))
        .isLessThan(Duration.ofMillis(RESPONSE_TIMEOUT_MS + 10_000));
  }

  @Test
  void anAnswerThatIsNotHttpIsA502() {
    CUSTOMER.answerMalformed(GARBAGE);

    var response = anonymous().get("/.well-known/openid-configuration");

    assertProblem(response, 502, "bad-gateway");
  }

  @Test
  void afterRepeatedFailuresTheCircuitOpensAndCallsNoLongerReachTheService() {
    CATALOG.stop();
    for (int i = 0; i < 4; i++) {
      assertThat(anonymous().get("/api/v1/products").status()).isEqualTo(503);
    }
    CATALOG.restore();

    var response = anonymous().get("/api/v1/products");

    assertProblem(response, 503, "service-unavailable");
    assertThat(response.json().path("detail").asString()).contains("recover");
    assertThat(CATALOG.service().received()).isEmpty();
    // Other services' circuits are their own.
    assertThat(anonymous().get("/api/v1/search/products").status()).isEqualTo(200);
  }

  private static void assertProblem(ApiClient.Response response, int status, String kind) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/" + kind);
  }

  private static <T> Timed<T> timed(Supplier<T> call) {
    Instant start = Instant.now();
    T result = call.get();
    return new Timed<>(result, Duration.between(start, Instant.now()));
  }

  private record Timed<T>(T result, Duration took) {}
}
