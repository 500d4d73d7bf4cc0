package dev.marketplace.platform.kafka;

import dev.marketplace.events.Topics;

/**
 * Resolves the names in {@link Topics} for this environment: {@code marketplace.kafka.topic-prefix}
 * lets several environments (or test classes) share one cluster.
 */
public class TopicNames {

  private final String prefix;

  public TopicNames(String prefix) {
    this.prefix = prefix;
  }

  public String name(String topic) {
    return Topics.prefixed(prefix, topic);
  }

  public String deadLetter(String topic) {
    return topic + Topics.DEAD_LETTER_SUFFIX;
  }
}
