package dev.marketplace.gateway.ratelimit;

import dev.marketplace.gateway.config.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.stereotype.Component;

/**
 * One {@code RequestRateLimiter} filter per rate-limit class, for the route table to put on each
 * route. Over the limit the filter raises an error instead of answering an empty 429, so the
 * problem handler answers 429 problem+json (with the {@code Retry-After} and {@code X-RateLimit-*}
 * headers already set).
 */
@Component
public class RateLimitFilters {

  private final Map<RateLimitClass, GatewayFilter> filters = new EnumMap<>(RateLimitClass.class);

  public RateLimitFilters(
      RequestRateLimiterGatewayFilterFactory factory,
      RedisRateLimiter redis,
      KeyResolver callers,
      GatewayProperties properties,
      MeterRegistry meters,
      @Value("${spring.data.redis.timeout:500ms}") Duration redisTimeout) {
    // Twice Lettuce's own command timeout: a backstop for a check that stalls anywhere else.
    Duration checkTimeout = redisTimeout.multipliedBy(2);
    for (RateLimitClass rateClass : RateLimitClass.values()) {
      ClassRateLimiter limiter =
          new ClassRateLimiter(
              redis, rateClass, properties.rateLimit(rateClass.configName()), checkTimeout, meters);
      filters.put(
          rateClass,
          factory.apply(
              config ->
                  config.setRateLimiter(limiter).setKeyResolver(callers).setThrowOnLimit(true)));
    }
  }

  public GatewayFilter forClass(RateLimitClass rateClass) {
    return filters.get(rateClass);
  }
}
