package dev.marketplace.gateway.config;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The Redis client behind rate limiting. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  /** Spring Cloud Gateway's token-bucket script, shipped in its jar. */
  private static final String RATE_LIMITER_SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

  /**
   * While the connection to Redis is down, Lettuce would queue each rate-limit check; rejecting at
   * once instead lets the request through without delay (rate limiting fails open) while Lettuce
   * reconnects in the background.
   *
   * <p>Every command, reactive ones included, is also bounded by the command timeout ({@link
   * TimeoutOptions}); {@code ClassRateLimiter} bounds each whole check as well.
   */
  @Bean
  LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown(
      @Value("${spring.data.redis.timeout:500ms}") Duration commandTimeout) {
    return options ->
        options
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout));
  }

  /**
   * Spring Cloud Gateway's own limiter, with its script read once. Its auto-configured script is
   * backed by the class-path resource, which Spring Data Redis checks for modification on every
   * call (opening the jar entry each time): a cost on every request through the gateway for a file
   * that cannot change.
   */
  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  RedisRateLimiter redisRateLimiter(
      ReactiveStringRedisTemplate redis, ConfigurationService configurationService) {
    String script;
    try {
      script =
          new ClassPathResource(RATE_LIMITER_SCRIPT).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Spring Cloud Gateway's rate-limiter script is missing", e);
    }
    RedisScript<List<Long>> tokenBucket = (RedisScript) RedisScript.of(script, List.class);
    return new RedisRateLimiter(redis, tokenBucket, configurationService);
  }
}
