package dev.marketplace.order.config;

import dev.marketplace.events.Topics;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.platform.security.AuthorizationRules;
import dev.marketplace.platform.security.Roles;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Carts and orders are a shopper's own; vendors see and ship their parts and set their shipping
   * rates; carriers report parcels (signed); support staff read any order (audited).
   */
  @Bean
  AuthorizationRules orderRules() {
    return rules ->
        rules
            .requestMatchers(
                "/api/v1/cart/**", "/api/v1/cart", "/api/v1/orders/**", "/api/v1/orders")
            .hasRole(Roles.SHOPPER)
            .requestMatchers("/api/v1/vendor/**")
            .hasRole(Roles.VENDOR)
            // Carriers sign their webhooks; there is no token to check.
            .requestMatchers(HttpMethod.POST, "/api/v1/carriers/*/events")
            .permitAll()
            .requestMatchers(HttpMethod.GET, "/api/v1/admin/orders/**")
            .hasAnyRole(Roles.SUPPORT, Roles.ADMIN)
            .requestMatchers("/api/v1/admin/**")
            .hasRole(Roles.ADMIN);
  }

  /**
   * The topics order-service writes (order events, saga commands, erasure confirmations) and reads
   * (replies, customer accounts, the saga topics' dead letters). Declaring the ones it reads makes
   * them exist before its consumer subscribes: a consumer subscribed to a topic that does not exist
   * yet does not see it until its next metadata refresh, minutes later. Each takes the partition
   * count every service declares ({@link Topics#partitions}).
   */
  @Bean
  KafkaAdmin.NewTopics orderTopics(
      TopicNames topics, @Value("${order.topic.replicas:1}") int replicas) {
    return new KafkaAdmin.NewTopics(
        topic(topics, Topics.ORDER_EVENTS, replicas).compact().build(),
        // Every order, kept long enough for analytics to land it however long it is down.
        TopicBuilder.name(topics.name(Topics.ORDER_PLACED))
            .partitions(6)
            .replicas(replicas)
            .config("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()))
            .build(),
        topic(topics, Topics.INVENTORY_COMMANDS, replicas).build(),
        topic(topics, Topics.INVENTORY_REPLIES, replicas).build(),
        topic(topics, Topics.PAYMENT_COMMANDS, replicas).build(),
        topic(topics, Topics.PAYMENT_REPLIES, replicas).build(),
        topic(topics, Topics.CUSTOMER_ACCOUNTS, replicas).build(),
        topic(topics, Topics.CUSTOMER_ERASURES, replicas).build(),
        deadLetters(topics, Topics.INVENTORY_COMMANDS, replicas),
        deadLetters(topics, Topics.INVENTORY_REPLIES, replicas),
        deadLetters(topics, Topics.PAYMENT_COMMANDS, replicas),
        deadLetters(topics, Topics.PAYMENT_REPLIES, replicas));
  }

  /** A saga topic's dead letters, which compensate their orders (one partition, as everywhere). */
  private static NewTopic deadLetters(TopicNames topics, String name, int replicas) {
    return TopicBuilder.name(topics.deadLetter(topics.name(name)))
        .partitions(1)
        .replicas(replicas)
        .build();
  }

  private static TopicBuilder topic(TopicNames topics, String name, int replicas) {
    return TopicBuilder.name(topics.name(name))
        .partitions(Topics.partitions(name))
        .replicas(replicas);
  }
}
