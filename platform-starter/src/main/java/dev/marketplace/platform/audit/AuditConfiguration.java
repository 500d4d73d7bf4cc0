package dev.marketplace.platform.audit;

import dev.marketplace.events.Topics;
import dev.marketplace.platform.TraceContext;
import dev.marketplace.platform.kafka.PlatformKafkaConfiguration;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.platform.outbox.Outbox;
import dev.marketplace.platform.outbox.OutboxConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every service sends audit events; administrative requests are recorded by themselves. */
@AutoConfiguration(
    after = {PlatformKafkaConfiguration.class, OutboxConfiguration.class},
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AuditConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AuditLog auditLog(
      @Value("${spring.application.name}") String service,
      ObjectProvider<Outbox> outbox,
      ObjectProvider<PlatformTransactionManager> transactions,
      KafkaTemplate<String, String> kafka,
      TopicNames topics,
      TraceContext trace,
      ObjectProvider<Clock> clock,
      ObjectProvider<MeterRegistry> meters) {
    PlatformTransactionManager manager = transactions.getIfUnique();
    return new AuditLog(
        service,
        outbox.getIfAvailable(),
        manager == null ? null : new TransactionTemplate(manager),
        kafka,
        topics,
        trace,
        clock.getIfAvailable(Clock::systemUTC),
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** Outside the security filters, so that their refusals are recorded too. */
  @Bean
  FilterRegistrationBean<StaffRequestAudit> staffRequestAudit(
      AuditLog audit,
      @Value("${marketplace.audit.paths:/api/v1/admin/**,/api/v1/search/admin/**}")
          List<String> paths) {
    FilterRegistrationBean<StaffRequestAudit> registration =
        new FilterRegistrationBean<>(new StaffRequestAudit(audit, paths));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  /**
   * One partition: the trail is one sequence. A week on the topic covers any outage of the trail's
   * keeper; the trail keeps the entries for its own retention.
   */
  @Bean
  NewTopic auditEventsTopic(
      TopicNames topics, @Value("${marketplace.audit.topic-replicas:1}") int replicas) {
    return TopicBuilder.name(topics.name(Topics.AUDIT_EVENTS))
        .partitions(Topics.partitions(Topics.AUDIT_EVENTS))
        .replicas(replicas)
        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(7).toMillis()))
        .build();
  }
}
