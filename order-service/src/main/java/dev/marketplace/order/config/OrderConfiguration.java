package dev.marketplace.order.config;

import dev.marketplace.events.Topics;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.platform.security.AuthorizationRules;
import dev.marketplace.platform.security.Roles;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Carts and orders are a shopper's own; vendors see their parts. */
  @Bean
  AuthorizationRules orderRules() {
    return rules ->
        rules
            .requestMatchers(
                "/api/v1/cart/**", "/api/v1/cart", "/api/v1/orders/**", "/api/v1/orders")
            .hasRole(Roles.SHOPPER)
            .requestMatchers("/api/v1/vendor/**")
            .hasRole(Roles.VENDOR);
  }

  @Bean
  NewTopic orderEventsTopic(TopicNames topics, @Value("${order.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.ORDER_EVENTS))
        .partitions(6)
        .replicas(replicas)
        .compact()
        .build();
  }

  @Bean
  NewTopic inventoryCommandsTopic(
      TopicNames topics, @Value("${order.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.INVENTORY_COMMANDS))
        .partitions(6)
        .replicas(replicas)
        .build();
  }

  /**
   * The reply topics are inventory's and payment's, but declared here too: a consumer subscribed to
   * a topic that does not exist yet would not see it until its next metadata refresh, minutes
   * later, and the saga would stall. Same settings as their owners' declarations.
   */
  @Bean
  NewTopic inventoryRepliesTopic(
      TopicNames topics, @Value("${order.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.INVENTORY_REPLIES))
        .partitions(6)
        .replicas(replicas)
        .build();
  }

  @Bean
  NewTopic paymentRepliesTopic(
      TopicNames topics, @Value("${order.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.PAYMENT_REPLIES))
        .partitions(3)
        .replicas(replicas)
        .build();
  }

  @Bean
  NewTopic paymentCommandsTopic(
      TopicNames topics, @Value("${order.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.PAYMENT_COMMANDS))
        .partitions(6)
        .replicas(replicas)
        .build();
  }
}
