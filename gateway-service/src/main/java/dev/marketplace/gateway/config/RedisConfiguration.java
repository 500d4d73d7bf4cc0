package dev.marketplace.gateway.config;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Redis client behind rate limiting. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  /**
   * While the connection to Redis is down, Lettuce would queue each rate-limit check until the
   * command timeout; rejecting at once instead lets the request through without that delay (rate
   * limiting fails open) while Lettuce reconnects in the background.
   */
  @Bean
  LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
    return options ->
        options
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }
}
