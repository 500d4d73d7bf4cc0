package dev.marketplace.customer.config;

import dev.marketplace.events.Topics;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.platform.security.AuthorizationRules;
import dev.marketplace.platform.security.Roles;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class CustomerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Sign-up, verification and vendor applications are open; a shopper's own data needs SHOPPER;
   * vendors manage their clients; staff read (SUPPORT) and administer (ADMIN).
   */
  @Bean
  AuthorizationRules customerRules() {
    return rules ->
        rules
            .requestMatchers(
                HttpMethod.POST,
                "/api/v1/customers",
                "/api/v1/customers/verify-email",
                "/api/v1/vendors")
            .permitAll()
            // An erased shopper has no token left: the report's key is the credential.
            .requestMatchers(HttpMethod.GET, "/api/v1/customers/erasure-reports/*")
            .permitAll()
            .requestMatchers("/api/v1/customers/me/**", "/api/v1/customers/me")
            .hasRole(Roles.SHOPPER)
            .requestMatchers("/api/v1/vendor/**")
            .hasRole(Roles.VENDOR)
            // The audit trail is for administrators only, reads included.
            .requestMatchers("/api/v1/admin/audit", "/api/v1/admin/audit/**")
            .hasRole(Roles.ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/v1/admin/**")
            .hasAnyRole(Roles.SUPPORT, Roles.ADMIN)
            .requestMatchers("/api/v1/admin/**")
            .hasRole(Roles.ADMIN);
  }

  /** Services' erasure confirmations, read into the erasure report. */
  @Bean
  NewTopic erasuresTopic(TopicNames topics, @Value("${customer.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.CUSTOMER_ERASURES))
        .partitions(Topics.partitions(Topics.CUSTOMER_ERASURES))
        .replicas(replicas)
        .build();
  }

  @Bean
  NewTopic accountsTopic(TopicNames topics, @Value("${customer.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.CUSTOMER_ACCOUNTS))
        .partitions(Topics.partitions(Topics.CUSTOMER_ACCOUNTS))
        .replicas(replicas)
        .build();
  }

  /** Verification messages carry addresses: kept a day, long enough for a mail sender to lag. */
  @Bean
  NewTopic notificationsTopic(
      TopicNames topics, @Value("${customer.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.CUSTOMER_NOTIFICATIONS))
        .partitions(3)
        .replicas(replicas)
        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()))
        .build();
  }

  /** Latest status per vendor: compacted. */
  @Bean
  NewTopic vendorsTopic(TopicNames topics, @Value("${customer.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.CUSTOMER_VENDORS))
        .partitions(3)
        .replicas(replicas)
        .compact()
        .build();
  }
}
