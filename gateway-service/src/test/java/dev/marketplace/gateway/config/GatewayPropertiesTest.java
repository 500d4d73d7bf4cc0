package dev.marketplace.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.gateway.config.GatewayProperties.RateLimit;
import dev.marketplace.gateway.config.GatewayProperties.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class GatewayPropertiesTest {

  @Test
  void retryAfterIsTheWholeSecondsUntilOneRequestsTokensAreBack() {
    assertThat(new RateLimit(10, 20, 1).retryAfterSeconds()).isEqualTo(1);
    assertThat(new RateLimit(1, 1, 1).retryAfterSeconds()).isEqualTo(1);
    assertThat(new RateLimit(2, 6, 3).retryAfterSeconds()).isEqualTo(2);
    // One request a minute.
    assertThat(new RateLimit(1, 60, 60).retryAfterSeconds()).isEqualTo(60);
  }

  @Test
  void aBucketSmallerThanItsRateIsRefused() {
    assertThatThrownBy(() -> new RateLimit(10, 5, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aServicesOwnTimeoutWinsAndTheDefaultFillsTheRest() {
    GatewayProperties properties =
        properties(
            Map.of(
                "default", new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)),
                "search", new Timeouts(null, Duration.ofSeconds(3))));

    assertThat(properties.timeoutsFor("search").connect()).isEqualTo(Duration.ofSeconds(2));
    assertThat(properties.timeoutsFor("search").response()).isEqualTo(Duration.ofSeconds(3));
    assertThat(properties.timeoutsFor("catalog").response()).isEqualTo(Duration.ofSeconds(10));
    assertThat(properties.longestResponseTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aRouteToAServiceWithoutAnAddressFailsTheStart() {
    assertThatThrownBy(() -> properties(Map.of()).serviceUri("payment"))
        .hasMessageContaining("marketplace.gateway.services.payment");
  }

  private static GatewayProperties properties(Map<String, Timeouts> timeouts) {
    return new GatewayProperties(
        Map.of(
            "catalog", URI.create("http://catalog:8081"),
            "search", URI.create("http://search:8082")),
        timeouts,
        0,
        DataSize.ofMegabytes(1),
        Map.of(),
        new GatewayProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(10), 3),
        new GatewayProperties.Cors(List.of(), List.of(), List.of(), false, Duration.ofHours(1)));
  }
}
