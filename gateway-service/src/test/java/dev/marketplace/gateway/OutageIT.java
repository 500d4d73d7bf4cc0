package dev.marketplace.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.Ports;
import dev.marketplace.testkit.RedisTestServer;
import dev.marketplace.testkit.TcpProxy;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's own dependencies failing: Redis (reached through a proxy the test cuts) and the
 * issuer's key set (unreachable throughout).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutageIT {

  private static final FakeService SERVICE = FakeService.start("any");
  private static final TcpProxy REDIS = TcpProxy.onFreePort();

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    RedisTestServer.register(registry);
    KafkaTestServer.register(registry, TestNamespace.forClass(OutageIT.class));
    REDIS.forwardTo(RedisTestServer.host(), RedisTestServer.port());
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", REDIS::port);
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + Ports.free() + "/jwks");
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
    for (String service : new String[] {"catalog", "search", "customer"}) {
      registry.add(
          "marketplace.gateway.services." + service, () -> "http://127.0.0.1:" + SERVICE.port());
    }
  }

  @AfterEach
  void redisBack() {
    REDIS.restore();
  }

  @Test
  void withoutRedisRequestsPassUnlimitedAndCountedAndLimitsReturnWithIt() {
    ApiClient client = ApiClient.at("http://localhost:" + port);
    // Ready (its revocation list read), and limited while Redis answers (the first, cold call may
    // exceed the 500 ms timeout).
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.get("/actuator/health/readiness").status() == 200
                    && remaining(client.get("/api/v1/products")) >= 0);

    REDIS.cut();
    double before = unlimitedCount();
    Instant start = Instant.now();
    ApiClient.Response duringOutage = client.get("/api/v1/products");

    assertThat(duringOutage.status()).isEqualTo(200);
    // The configured 500 ms command timeout, not Lettuce's default 60 s: a rate-limit check never
    // stalls a request. (The bound leaves room for a slow, shared CI machine.)
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertThat(remaining(duringOutage)).isEqualTo(-1);
    assertThat(unlimitedCount()).isGreaterThan(before);
    // Redis only limits; without it the gateway is still fit to serve.
    assertThat(client.get("/actuator/health").status()).isEqualTo(200);
    assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);

    // Lettuce's reconnect back-off doubles up to 30 s, so the next attempt may be that far off.
    REDIS.restore();
    await()
        .atMost(Duration.ofSeconds(45))
        .until(() -> remaining(client.get("/api/v1/products")) >= 0);
  }

  @Test
  void whenTheIssuersKeysCannotBeFetchedTokensCannotBeCheckedA503() {
    ApiClient.Response response =
        ApiClient.at("http://localhost:" + port)
            .withToken(TestTokens.vendor("v-1"))
            .get("/api/v1/vendor/products");

    assertThat(response.status()).as(response.toString()).isEqualTo(503);
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://problems.marketplace.dev/service-unavailable");
    assertThat(SERVICE.receivedUnder("/api/v1/vendor")).isEmpty();
  }

  private static long remaining(ApiClient.Response response) {
    assertThat(response.status()).isEqualTo(200);
    return Long.parseLong(response.header("X-RateLimit-Remaining"));
  }

  private double unlimitedCount() {
    return meters.get("gateway.ratelimit.unavailable").tag("class", "public").counter().count();
  }
}
