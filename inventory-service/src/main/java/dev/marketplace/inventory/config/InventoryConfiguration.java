package dev.marketplace.inventory.config;

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
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

  private final TopicNames topics;
  private final int replicas;

  InventoryConfiguration(TopicNames topics, @Value("${inventory.topic.replicas:1}") int replicas) {
    this.topics = topics;
    this.replicas = replicas;
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Only vendors call this service over HTTP; the saga talks to it over Kafka. */
  @Bean
  AuthorizationRules inventoryRules() {
    return rules -> rules.requestMatchers("/api/v1/vendor/**").hasRole(Roles.VENDOR);
  }

  /** Saga commands, keyed by order id so one order's commands stay in order. */
  @Bean
  NewTopic inventoryCommandsTopic() {
    return shared(Topics.INVENTORY_COMMANDS).build();
  }

  /**
   * Commands that failed every retry, or could never succeed, kept for a person to read (declared
   * so it exists where brokers do not create topics on first use).
   */
  @Bean
  NewTopic inventoryCommandsDeadLetterTopic() {
    return topic(topics.deadLetter(topics.name(Topics.INVENTORY_COMMANDS)), 1).build();
  }

  /** Replies to the saga, keyed by order id. */
  @Bean
  NewTopic inventoryRepliesTopic() {
    return shared(Topics.INVENTORY_REPLIES).build();
  }

  /**
   * Sellable quantity per SKU is state: compacted, so search can rebuild its in-stock filter by
   * replaying the topic.
   */
  @Bean
  NewTopic inventoryAvailabilityTopic() {
    return shared(Topics.INVENTORY_AVAILABILITY).compact().build();
  }

  /** A topic other services declare too, with the partition count they all use. */
  private TopicBuilder shared(String topic) {
    return topic(topics.name(topic), Topics.partitions(topic));
  }

  private TopicBuilder topic(String name, int partitionCount) {
    return TopicBuilder.name(name)
        .partitions(partitionCount)
        .replicas(replicas)
        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas > 1 ? "2" : "1");
  }
}
