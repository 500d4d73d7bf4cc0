package dev.marketplace.payment.config;

import dev.marketplace.events.Topics;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.platform.security.AuthorizationRules;
import dev.marketplace.platform.security.Roles;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** A shopper's own cards need SHOPPER; staff read payments (SUPPORT, ADMIN). */
  @Bean
  AuthorizationRules paymentRules() {
    return rules ->
        rules
            .requestMatchers("/api/v1/payment-methods", "/api/v1/payment-methods/**")
            .hasRole(Roles.SHOPPER)
            .requestMatchers(HttpMethod.GET, "/api/v1/admin/payments/**")
            .hasAnyRole(Roles.SUPPORT, Roles.ADMIN)
            .requestMatchers("/api/v1/admin/**")
            .hasRole(Roles.ADMIN);
  }

  /**
   * The topics payment-service reads (saga commands, customer accounts for erasures) and writes
   * (replies, erasure confirmations), each with the partition count every service declares ({@link
   * Topics#partitions}); declared so they exist before its consumers subscribe. Saga commands are
   * keyed by order id, so an order's commands keep their order in one partition.
   */
  @Bean
  KafkaAdmin.NewTopics paymentTopics(
      TopicNames topics, @Value("${payment.topic.replicas:1}") int replicas) {
    return new KafkaAdmin.NewTopics(
        topic(topics, Topics.PAYMENT_COMMANDS, replicas),
        TopicBuilder.name(topics.deadLetter(topics.name(Topics.PAYMENT_COMMANDS)))
            .partitions(1)
            .replicas(replicas)
            .build(),
        topic(topics, Topics.PAYMENT_REPLIES, replicas),
        topic(topics, Topics.CUSTOMER_ACCOUNTS, replicas),
        topic(topics, Topics.CUSTOMER_ERASURES, replicas));
  }

  private static NewTopic topic(TopicNames topics, String name, int replicas) {
    return TopicBuilder.name(topics.name(name))
        .partitions(Topics.partitions(name))
        .replicas(replicas)
        .build();
  }
}
