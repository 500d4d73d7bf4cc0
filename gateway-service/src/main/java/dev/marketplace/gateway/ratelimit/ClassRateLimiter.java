package dev.marketplace.gateway.ratelimit;

import dev.marketplace.gateway.config.GatewayProperties.RateLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter}, seen through one rate-limit class:
 *
 * <ul>
 *   <li>the bucket is per class and caller, not per route ({@code RedisRateLimiter} keys by the id
 *       it is given, and it is given the class name), so a caller's budget covers every route of
 *       the class;
 *   <li>a refusal carries {@code Retry-After}, computed from the class's rate;
 *   <li>when Redis does not answer, {@code RedisRateLimiter} lets the request through (fail-open)
 *       and reports {@code X-RateLimit-Remaining: -1}; this counts it in {@code
 *       gateway.ratelimit.unavailable} and logs once when limiting stops and once when it resumes;
 *   <li>a check that has not answered within {@code checkTimeout} is let through the same way.
 *       Lettuce's command timeout should end it first, but in CI a check sent just as Lettuce
 *       reconnected never completed and held its request until the client gave up (OutageIT);
 *   <li>the check runs off the HTTP event loop, so a Redis client that blocks its caller's thread
 *       cannot hold the requests on that loop: whatever stalls inside the Redis client, a request
 *       is never held by its rate limit.
 * </ul>
 */
final class ClassRateLimiter implements RateLimiter<RedisRateLimiter.Config> {

  private static final Logger log = LoggerFactory.getLogger(ClassRateLimiter.class);

  private final RedisRateLimiter redis;
  private final String bucket;
  private final String retryAfter;
  private final Counter unavailable;
  private final Duration checkTimeout;
  private final AtomicBoolean degraded = new AtomicBoolean();

  ClassRateLimiter(
      RedisRateLimiter redis,
      RateLimitClass rateClass,
      RateLimit limit,
      Duration checkTimeout,
      MeterRegistry meters) {
    this.redis = redis;
    this.bucket = rateClass.configName();
    this.checkTimeout = checkTimeout;
    this.retryAfter = Long.toString(limit.retryAfterSeconds());
    this.unavailable =
        Counter.builder("gateway.ratelimit.unavailable")
            .description("Requests let through unlimited because Redis did not answer")
            .tag("class", bucket)
            .register(meters);
    redis
        .getConfig()
        .put(
            bucket,
            new RedisRateLimiter.Config()
                .setReplenishRate(limit.replenishRate())
                .setBurstCapacity(limit.burstCapacity())
                .setRequestedTokens(limit.requestedTokens()));
  }

  @Override
  public Mono<Response> isAllowed(String routeId, String callerKey) {
    return Mono.defer(() -> redis.isAllowed(bucket, callerKey))
        // Off the HTTP event loop. Lettuce 6.8 can park a thread that writes a command while a
        // reconnect holds the connection's lock (redis/lettuce#3880, #3804); parked there, an
        // event loop would hold every request it serves, and the timeout below could not answer
        // either, since the answer is written on that loop. CI saw such a request hang for 30 s.
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(checkTimeout, Mono.fromSupplier(this::unlimited))
        .map(this::observed);
  }

  /** What {@code RedisRateLimiter} answers when Redis fails: allowed, nothing known remaining. */
  private Response unlimited() {
    return new Response(true, redis.getHeaders(redis.getConfig().get(bucket), -1L));
  }

  private Response observed(Response response) {
    Map<String, String> headers = response.getHeaders();
    if (!response.isAllowed()) {
      Map<String, String> withRetry = new HashMap<>(headers);
      withRetry.put("Retry-After", retryAfter);
      return new Response(false, withRetry);
    }
    if ("-1".equals(headers.get(RedisRateLimiter.REMAINING_HEADER))) {
      unavailable.increment();
      if (degraded.compareAndSet(false, true)) {
        log.warn("rate limiting of class {} is off: Redis does not answer; requests pass", bucket);
      }
    } else if (degraded.compareAndSet(true, false)) {
      log.info("rate limiting of class {} is back: Redis answers again", bucket);
    }
    return response;
  }

  @Override
  public Map<String, RedisRateLimiter.Config> getConfig() {
    return redis.getConfig();
  }

  @Override
  public Class<RedisRateLimiter.Config> getConfigClass() {
    return redis.getConfigClass();
  }

  @Override
  public RedisRateLimiter.Config newConfig() {
    return redis.newConfig();
  }
}
