package dev.marketplace.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka settings of the platform.
 *
 * @param topicPrefix prefix of every topic name (empty in production)
 * @param retry how a failing record is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("marketplace.kafka")
public record PlatformKafkaProperties(String topicPrefix, Retry retry) {

  public PlatformKafkaProperties {
    topicPrefix = topicPrefix == null ? "" : topicPrefix;
    retry =
        retry == null ? new Retry(4, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5)) : retry;
  }

  public record Retry(
      int attempts, Duration initialInterval, double multiplier, Duration maxInterval) {}
}
