package dev.marketplace.search.config;

import dev.marketplace.events.Topics;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.platform.security.AuthorizationRules;
import dev.marketplace.platform.security.Roles;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean
  java.time.Clock clock() {
    return java.time.Clock.systemUTC();
  }

  /** Search is public; rebuilding the index is for staff. */
  @Bean
  AuthorizationRules searchRules() {
    return rules ->
        rules
            .requestMatchers(
                HttpMethod.GET, "/api/v1/search/products", "/api/v1/search/suggestions")
            .permitAll()
            .requestMatchers("/api/v1/search/admin/**")
            .hasRole(Roles.ADMIN);
  }

  /**
   * The availability topic, declared so that it exists before the stock listener subscribes (a
   * consumer subscribed to a topic that does not exist yet does not see it until its next metadata
   * refresh, minutes later), with inventory-service's settings: compacted, with the partition count
   * every service declares ({@link Topics#partitions}). Its dead-letter topic is search-service's
   * own. The product topic stays catalog-service's to declare, as before (some test set-ups create
   * it with fewer partitions, which a declaration here would grow).
   */
  @Bean
  KafkaAdmin.NewTopics searchTopics(TopicNames topics, SearchProperties properties) {
    int replicas = properties.topicReplicas();
    String availability = topics.name(Topics.INVENTORY_AVAILABILITY);
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(availability)
            .partitions(Topics.partitions(Topics.INVENTORY_AVAILABILITY))
            .replicas(replicas)
            .compact()
            .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas > 1 ? "2" : "1")
            .build(),
        TopicBuilder.name(topics.deadLetter(availability))
            .partitions(1)
            .replicas(replicas)
            .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas > 1 ? "2" : "1")
            .build());
  }

  @Bean
  @ConditionalOnProperty(name = "marketplace.search.engine", havingValue = "opensearch")
  Rest5ClientBuilderCustomizer openSearchCompatibility() {
    return new OpenSearchCompatibility();
  }
}
