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

  /** Saga commands; key = order id, so an order's commands keep their order in one partition. */
  @Bean
  NewTopic paymentCommandsTopic(
      TopicNames topics, @Value("${payment.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.PAYMENT_COMMANDS))
        .partitions(Topics.partitions(Topics.PAYMENT_COMMANDS))
        .replicas(replicas)
        .build();
  }

  @Bean
  NewTopic paymentCommandsDeadLetterTopic(
      TopicNames topics, @Value("${payment.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.deadLetter(topics.name(Topics.PAYMENT_COMMANDS)))
        .partitions(1)
        .replicas(replicas)
        .build();
  }

  @Bean
  NewTopic paymentRepliesTopic(
      TopicNames topics, @Value("${payment.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.PAYMENT_REPLIES))
        .partitions(Topics.partitions(Topics.PAYMENT_REPLIES))
        .replicas(replicas)
        .build();
  }

  /** Read for erasures; declared so it exists before the erasure listener subscribes. */
  @Bean
  NewTopic customerAccountsTopic(
      TopicNames topics, @Value("${payment.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.CUSTOMER_ACCOUNTS))
        .partitions(Topics.partitions(Topics.CUSTOMER_ACCOUNTS))
        .replicas(replicas)
        .build();
  }

  /** Where erasure confirmations go, for customer-service's erasure report. */
  @Bean
  NewTopic customerErasuresTopic(
      TopicNames topics, @Value("${payment.topic.replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.CUSTOMER_ERASURES))
        .partitions(Topics.partitions(Topics.CUSTOMER_ERASURES))
        .replicas(replicas)
        .build();
  }
}
