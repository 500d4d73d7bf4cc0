package dev.marketplace.revocation;

import dev.marketplace.events.Topics;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Every resource server (each service, the gateway) refuses revoked tokens. The Kafka cluster is
 * the one in {@code spring.kafka.bootstrap-servers} (with {@code spring.kafka.properties.*} for its
 * security settings); the topic name takes {@code marketplace.kafka.topic-prefix}.
 */
@AutoConfiguration
@ConditionalOnClass(Jwt.class)
@ConditionalOnProperty(name = "marketplace.revocation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RevocationProperties.class)
public class RevocationAutoConfiguration {

  @Bean
  RevocationList revocationList() {
    return new RevocationList();
  }

  @Bean
  OAuth2TokenValidator<Jwt> notRevoked(RevocationList revocations) {
    return new NotRevoked(revocations);
  }

  @Bean
  RevocationFollower revocationFollower(
      RevocationList revocations, RevocationProperties properties, Environment environment) {
    Binder binder = Binder.get(environment);
    Map<String, Object> kafka =
        new HashMap<>(
            binder
                .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    kafka.put(
        "bootstrap.servers",
        String.join(
            ",",
            binder
                .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                .orElse(List.of("localhost:9092"))));
    String prefix = environment.getProperty("marketplace.kafka.topic-prefix", "");
    return new RevocationFollower(
        revocations,
        Topics.prefixed(prefix, Topics.IDENTITY_REVOCATIONS),
        kafka,
        properties,
        Clock.systemUTC());
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Health {

    @Bean
    RevocationHealth revocationsHealthIndicator(RevocationList revocations) {
      return new RevocationHealth(revocations);
    }
  }
}
