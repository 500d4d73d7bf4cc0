package dev.marketplace.testkit;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;

/** A Kafka broker (KRaft) shared by the whole test JVM; test classes isolate by topic prefix. */
public final class KafkaTestServer {

  private static volatile String bootstrapServers;

  private KafkaTestServer() {}

  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers =
          TestServerMode.current() == TestServerMode.DOCKER ? startContainer() : startEmbedded();
    }
    return bootstrapServers;
  }

  /**
   * Registers the broker and a topic prefix for one test class: {@code
   * spring.kafka.bootstrap-servers} and {@code marketplace.kafka.topic-prefix}.
   */
  public static void register(DynamicPropertyRegistry registry, TestNamespace namespace) {
    registry.add("spring.kafka.bootstrap-servers", KafkaTestServer::bootstrapServers);
    registry.add("marketplace.kafka.topic-prefix", namespace::name);
  }

  /**
   * Starts a broker of its own, which the caller must {@link EmbeddedKafkaBroker#destroy()
   * destroy}.
   */
  public static EmbeddedKafkaKraftBroker startPrivateBroker() {
    return startPrivateBroker(Map.of());
  }

  /**
   * Starts a broker of its own with extra broker properties (for example {@code
   * advertised.listeners} pointing at a {@link TcpProxy}), which the caller must destroy.
   */
  public static EmbeddedKafkaKraftBroker startPrivateBroker(Map<String, String> properties) {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    Map<String, String> all = new java.util.HashMap<>(brokerDefaults());
    all.putAll(properties);
    broker.brokerProperties(all);
    broker.afterPropertiesSet();
    return broker;
  }

  private static String startEmbedded() {
    EmbeddedKafkaKraftBroker broker = startPrivateBroker();
    ServerShutdown.afterApplications(broker::destroy);
    return broker.getBrokersAsString();
  }

  private static Map<String, String> brokerDefaults() {
    return Map.of(
        "auto.create.topics.enable", "true",
        "group.initial.rebalance.delay.ms", "0",
        "log.cleaner.backoff.ms", "1000");
  }

  private static String startContainer() {
    TestServerMode.requireDocker();
    KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    kafka.start();
    ServerShutdown.afterApplications(kafka::stop);
    return kafka.getBootstrapServers();
  }
}
