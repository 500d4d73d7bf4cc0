package dev.marketplace.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.gateway.config.GatewayProperties.RateLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

class ClassRateLimiterTest {

  @Test
  void aCheckThatNeverAnswersLetsTheRequestThroughUnlimitedAfterTheTimeout() {
    // A Redis client whose check never completes, as one did in CI just after a reconnect.
    RedisRateLimiter stalled =
        new RedisRateLimiter(10, 20) {
          @Override
          public Mono<Response> isAllowed(String routeId, String id) {
            return Mono.never();
          }
        };
    MeterRegistry meters = new SimpleMeterRegistry();
    ClassRateLimiter limiter =
        new ClassRateLimiter(
            stalled,
            RateLimitClass.PUBLIC,
            new RateLimit(10, 20, 1),
            Duration.ofMillis(200),
            meters);

    Response response = limiter.isAllowed("catalog", "caller-1").block(Duration.ofSeconds(10));

    assertThat(response).isNotNull();
    assertThat(response.isAllowed()).isTrue();
    assertThat(response.getHeaders()).containsEntry(RedisRateLimiter.REMAINING_HEADER, "-1");
    assertThat(meters.get("gateway.ratelimit.unavailable").tag("class", "public").counter().count())
        .isEqualTo(1);
  }
}
