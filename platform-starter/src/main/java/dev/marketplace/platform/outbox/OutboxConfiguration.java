package dev.marketplace.platform.outbox;

import dev.marketplace.platform.TraceContext;
import dev.marketplace.platform.kafka.PlatformKafkaConfiguration;
import dev.marketplace.platform.kafka.TopicNames;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox for services that have Spring Modulith's JDBC event registry and its Kafka
 * externalization on the classpath: {@link OutboxMessage}s are stored with the transaction and sent
 * to Kafka as they are, keyed by aggregate id. Registry defaults (schema, completion, staleness)
 * are in {@code PlatformDefaults}.
 */
@AutoConfiguration(
    after = PlatformKafkaConfiguration.class,
    beforeName = {
      "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@ConditionalOnClass(
    value = KafkaTemplate.class,
    name = {
      "org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration",
      "org.springframework.modulith.events.jdbc.JdbcEventPublicationRepositoryV2"
    })
@EnableScheduling
public class OutboxConfiguration {

  /** Static: Modulith's listener factory needs it before this configuration is instantiated. */
  @Bean
  @ConditionalOnMissingBean
  static EventExternalizationConfiguration outboxExternalization() {
    return EventExternalizationConfiguration.externalizing()
        .selectByType(OutboxMessage.class)
        .route(OutboxMessage.class, m -> RoutingTarget.forTarget(m.topic()).andKey(m.key()))
        .mapping(OutboxMessage.class, OutboxMessage::json)
        .build();
  }

  /**
   * Spring Boot's template, configured as Boot configures it, but completing sends off the
   * producer's network thread ({@link SendCompletionOffloadingKafkaTemplate}). Declared as {@code
   * KafkaTemplate<?, ?>}, as Boot declares it, so that a {@code KafkaTemplate<String, String>} can
   * be injected.
   */
  @Bean
  @ConditionalOnMissingBean(KafkaTemplate.class)
  KafkaTemplate<?, ?> kafkaTemplate(
      ProducerFactory<Object, Object> producers,
      ProducerListener<Object, Object> listener,
      ObjectProvider<RecordMessageConverter> converter,
      KafkaProperties properties) {
    KafkaTemplate<Object, Object> template = new SendCompletionOffloadingKafkaTemplate<>(producers);
    converter.ifUnique(template::setMessageConverter);
    template.setProducerListener(listener);
    KafkaProperties.Template settings = properties.getTemplate();
    if (settings.getDefaultTopic() != null) {
      template.setDefaultTopic(settings.getDefaultTopic());
    }
    if (settings.getTransactionIdPrefix() != null) {
      template.setTransactionIdPrefix(settings.getTransactionIdPrefix());
    }
    template.setObservationEnabled(settings.isObservationEnabled());
    return template;
  }

  @Bean
  @ConditionalOnMissingBean
  Outbox outbox(
      ApplicationEventPublisher publisher,
      TopicNames topics,
      TraceContext trace,
      ObjectProvider<Clock> clock,
      @Value("${spring.application.name}") String source) {
    return new Outbox(publisher, topics, trace, clock.getIfAvailable(Clock::systemUTC), source);
  }

  @Bean
  @ConditionalOnMissingBean
  OutboxMetrics outboxMetrics(DataSource dataSource, ObjectProvider<Clock> clock) {
    return new OutboxMetrics(dataSource, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  OutboxResubmitter outboxResubmitter(
      FailedEventPublications failed,
      @Value("${marketplace.outbox.resubmit-batch-size:500}") int batchSize) {
    return new OutboxResubmitter(failed, batchSize);
  }
}
