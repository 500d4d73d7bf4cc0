package dev.marketplace.catalog.config;

import dev.marketplace.events.Topics;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.platform.security.AuthorizationRules;
import dev.marketplace.platform.security.Roles;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Public reads of products and categories; the vendor API for vendors; categories for staff. */
  @Bean
  AuthorizationRules catalogRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.GET, "/api/v1/products/**", "/api/v1/categories/**")
            .permitAll()
            .requestMatchers("/api/v1/vendor/**")
            .hasRole(Roles.VENDOR)
            .requestMatchers(HttpMethod.POST, "/api/v1/categories/**")
            .hasRole(Roles.ADMIN);
  }

  /** Latest state per product: compacted, so replaying it rebuilds any projection (search). */
  @Bean
  NewTopic productsTopic(
      TopicNames topics,
      @Value("${catalog.topic.partitions:6}") int partitions,
      @Value("${catalog.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.CATALOG_PRODUCTS))
        .partitions(partitions)
        .replicas(replicas)
        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas > 1 ? "2" : "1")
        .build();
  }
}
