package dev.marketplace.platform.kafka;

import dev.marketplace.events.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The retry and dead-letter policy, declared once for every listener: a failing record is retried
 * with exponential back-off, then published to {@code <topic>.dlt} with the failure in its headers,
 * and the partition moves on, so one bad message never blocks the others. Records that can never
 * succeed (malformed events) skip the retries.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(PlatformKafkaProperties.class)
public class PlatformKafkaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PlatformKafkaConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  TopicNames topicNames(PlatformKafkaProperties properties) {
    return new TopicNames(properties.topicPrefix());
  }

  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  DefaultErrorHandler platformKafkaErrorHandler(
      KafkaTemplate<Object, Object> template,
      TopicNames topics,
      PlatformKafkaProperties properties,
      MeterRegistry meters) {
    DeadLetterPublishingRecoverer deadLetters =
        new DeadLetterPublishingRecoverer(
            template,
            (record, error) -> {
              log.warn(
                  "dead-lettering {}-{}@{}: {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  error.getMessage());
              Counter.builder("marketplace.kafka.dead.letters")
                  .description("Records sent to a dead-letter topic")
                  .tag("topic", record.topic())
                  .register(meters)
                  .increment();
              return new TopicPartition(topics.deadLetter(record.topic()), -1);
            });
    PlatformKafkaProperties.Retry retry = properties.retry();
    ExponentialBackOff backOff =
        new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxAttempts(Math.max(0, retry.attempts() - 1));
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(MalformedEventException.class);
    return handler;
  }
}
