package dev.marketplace.gateway;

import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.RedisTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole gateway on a random port against real servers: the testkit's Redis and Kafka, the
 * testkit's token issuer (JWK Set over HTTP), and three fake services behind TCP proxies that tests
 * can stop, hold or make answer garbage. One application context serves every test class extending
 * this.
 *
 * <p>The gateway trusts one proxy in front of it, and every anonymous client here comes "through"
 * it from an address of its own ({@code X-Forwarded-For}), so rate-limit buckets never collide
 * between tests; tokens carry fresh subjects for the same reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

  protected static final Upstream CATALOG = Upstream.start("catalog");
  protected static final Upstream SEARCH = Upstream.start("search");
  protected static final Upstream CUSTOMER = Upstream.start("customer");

  /**
   * What the tests configure, and assert against. The response timeout leaves room for a slow
   * machine's first calls: a late answer would be a 504, and two of them open a circuit.
   */
  protected static final long CONNECT_TIMEOUT_MS = 1000;

  protected static final long RESPONSE_TIMEOUT_MS = 5000;
  protected static final int MAX_BODY_BYTES = 64 * 1024;
  protected static final String ALLOWED_ORIGIN = "https://shop.example";
  protected static final int IDENTITY_BURST = 3;

  /**
   * Tokens a sign-up takes from a bucket that gains one a second: a minute per sign-up once the
   * burst is spent, so a slow machine cannot refill the bucket while a test runs.
   */
  protected static final int IDENTITY_TOKENS_PER_REQUEST = 60;

  /** Where this context's topics live: its revocation list follows identity.revocations there. */
  protected static final TestNamespace KAFKA_NAMESPACE =
      TestNamespace.forClass(GatewayIntegrationTest.class);

  private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

  @LocalServerPort protected int port;

  @Autowired ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    RedisTestServer.register(registry);
    KafkaTestServer.register(registry, KAFKA_NAMESPACE);
    // The gateway lets a request through unlimited when Redis does not answer within its 500 ms;
    // a slow machine's first (cold) rate-limit call must not count as an outage here. OutageIT
    // tests the short production timeouts.
    registry.add("spring.data.redis.timeout", () -> "10s");
    registry.add("spring.data.redis.connect-timeout", () -> "10s");
    TestTokens.register(registry);
    registry.add("marketplace.gateway.services.catalog", CATALOG::uri);
    registry.add("marketplace.gateway.services.search", SEARCH::uri);
    registry.add("marketplace.gateway.services.customer", CUSTOMER::uri);
    registry.add("marketplace.gateway.timeouts.default.connect", () -> CONNECT_TIMEOUT_MS + "ms");
    registry.add("marketplace.gateway.timeouts.default.response", () -> RESPONSE_TIMEOUT_MS + "ms");
    registry.add("marketplace.gateway.trusted-proxy-count", () -> "1");
    registry.add("marketplace.gateway.max-body-size", () -> MAX_BODY_BYTES + "B");
    registry.add("marketplace.gateway.cors.allowed-origins", () -> ALLOWED_ORIGIN);
    // Sign-in and sign-up are limited tightly here, so a test reaches the limit in a few calls.
    registry.add("marketplace.gateway.rate-limits.identity.replenish-rate", () -> "1");
    registry.add(
        "marketplace.gateway.rate-limits.identity.requested-tokens",
        () -> IDENTITY_TOKENS_PER_REQUEST);
    registry.add(
        "marketplace.gateway.rate-limits.identity.burst-capacity",
        () -> IDENTITY_BURST * IDENTITY_TOKENS_PER_REQUEST);
    // A circuit opens after 4 calls of which half failed; it stays open for the rest of a test.
    registry.add("marketplace.gateway.circuit-breaker.sliding-window-size", () -> "4");
    registry.add("marketplace.gateway.circuit-breaker.minimum-number-of-calls", () -> "4");
    registry.add("marketplace.gateway.circuit-breaker.wait-in-open-state", () -> "1m");
  }

  @AfterEach
  void resetUpstreamsAndCircuits() {
    List.of(CATALOG, SEARCH, CUSTOMER).forEach(Upstream::reset);
    circuitBreakers
        .getCircuitBreakerRegistry()
        .getAllCircuitBreakers()
        .forEach(CircuitBreaker::reset);
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** A client without a token, arriving through the trusted proxy from an address of its own. */
  protected ApiClient anonymous() {
    return fromAddress(nextClientAddress());
  }

  protected ApiClient fromAddress(String clientIp) {
    return ApiClient.at(baseUrl()).withHeader("X-Forwarded-For", clientIp);
  }

  protected ApiClient withToken(String token) {
    return anonymous().withToken(token);
  }

  /** A fresh address in 198.18.0.0/15, the range set aside for tests. */
  protected static String nextClientAddress() {
    int n = NEXT_CLIENT.getAndIncrement();
    return "198.18." + (n / 250) + "." + (n % 250 + 1);
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
