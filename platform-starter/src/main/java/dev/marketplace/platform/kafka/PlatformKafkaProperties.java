package dev.marketplace.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka settings of the platform.
 *
 * @param topicPrefix prefix of every topic name (empty in production)
 * @param retry how a failing record is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("marketplace.kafka")
public record PlatformKafkaProperties(
    @DefaultValue("") String topicPrefix, @DefaultValue Retry retry) {

  /**
   * @param attempts deliveries in all, the first included
   * @param initialInterval pause before the first retry
   * @param multiplier growth of the pause per retry
   * @param maxInterval longest pause
   */
  public record Retry(
      @DefaultValue("4") int attempts,
      @DefaultValue("200ms") Duration initialInterval,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("5s") Duration maxInterval) {}
}
