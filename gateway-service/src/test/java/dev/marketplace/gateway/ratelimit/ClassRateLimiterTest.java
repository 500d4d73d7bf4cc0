package dev.marketplace.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.marketplace.gateway.config.GatewayProperties.RateLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    ClassRateLimiter limiter = publicLimiter(stalled, meters);

    Response response = limiter.isAllowed("catalog", "caller-1").block(Duration.ofSeconds(10));

    assertThat(response).isNotNull();
    assertThat(response.isAllowed()).isTrue();
    assertThat(response.getHeaders()).containsEntry(RedisRateLimiter.REMAINING_HEADER, "-1");
    assertThat(meters.get("gateway.ratelimit.unavailable").tag("class", "public").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aCheckThatBlocksItsCallersThreadHoldsNeitherTheCallerNorTheRequest() throws Exception {
    // A Redis client that parks the thread calling it, as Lettuce 6.8 can during a reconnect.
    CountDownLatch released = new CountDownLatch(1);
    RedisRateLimiter wedged =
        new RedisRateLimiter(10, 20) {
          @Override
          public Mono<Response> isAllowed(String routeId, String id) {
            try {
              released.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return Mono.just(new Response(true, Map.of()));
          }
        };
    ClassRateLimiter limiter = publicLimiter(wedged, new SimpleMeterRegistry());
    CompletableFuture<Response> answer = new CompletableFuture<>();
    try {
      // The subscribing thread stands for the gateway's HTTP event loop: it must be free at once.
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            limiter.isAllowed("catalog", "caller-1").subscribe(answer::complete);
          });

      Response response = answer.get(10, TimeUnit.SECONDS);
      assertThat(response.isAllowed()).isTrue();
      assertThat(response.getHeaders()).containsEntry(RedisRateLimiter.REMAINING_HEADER, "-1");
    } finally {
      released.countDown();
    }
  }

  /** The public class's limiter over this Redis client, with a 200 ms check timeout. */
  private static ClassRateLimiter publicLimiter(RedisRateLimiter redis, MeterRegistry meters) {
    return new ClassRateLimiter(
        redis, RateLimitClass.PUBLIC, new RateLimit(10, 20, 1), Duration.ofMillis(200), meters);
  }
}
