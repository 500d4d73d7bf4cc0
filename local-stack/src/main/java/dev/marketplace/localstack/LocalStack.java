package dev.marketplace.localstack;

import de.bwaldvogel.mongo.MongoServer;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.MongoTestServer;
import dev.marketplace.testkit.OpenSearchProcess;
import dev.marketplace.testkit.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The marketplace on one machine: the servers (Kafka, a MongoDB wire-protocol server, OpenSearch)
 * and every service as its own process, configured the way production configures them, only with
 * local addresses. Tokens are signed by a development key whose public half the services trust.
 */
public final class LocalStack implements AutoCloseable {

  /** Where the services listen; the README's examples use these. */
  public record Ports(int catalog, int search) {

    public static Ports defaults() {
      return new Ports(
          Integer.getInteger("marketplace.local-stack.catalog-port", 8081),
          Integer.getInteger("marketplace.local-stack.search-port", 8082));
    }
  }

  private final Path workDir;
  private final EmbeddedKafkaKraftBroker kafka;
  private final MongoServer mongo;
  private final OpenSearchProcess openSearch;
  private final List<ServiceProcess> services = new ArrayList<>();

  private LocalStack(
      Path workDir,
      EmbeddedKafkaKraftBroker kafka,
      MongoServer mongo,
      OpenSearchProcess openSearch) {
    this.workDir = workDir;
    this.kafka = kafka;
    this.mongo = mongo;
    this.openSearch = openSearch;
  }

  /**
   * Starts the servers, then the services; the stack owns all of them, so {@link #close()} can stop
   * the services before the servers they depend on.
   */
  public static LocalStack start(Ports ports, String searchHeap) {
    try {
      Path workDir = Files.createTempDirectory("marketplace-local-stack");
      LocalStack stack =
          new LocalStack(
              workDir,
              KafkaTestServer.startPrivateBroker(),
              MongoTestServer.startPrivateServer(),
              OpenSearchProcess.start(searchHeap));
      try {
        stack.startServices(ports);
      } catch (RuntimeException e) {
        stack.close();
        throw e;
      }
      return stack;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startServices(Ports ports) throws IOException {
    Path publicKey = workDir.resolve("issuer-public-key.pem");
    TestTokens.writePublicKey(publicKey);
    Map<String, String> common = new java.util.LinkedHashMap<>();
    common.putAll(
        Map.of(
            "spring.kafka.bootstrap-servers",
            kafkaBootstrapServers(),
            "spring.security.oauth2.resourceserver.jwt.public-key-location",
            publicKey.toUri().toString()));
    // Extra properties for every service, for experiments:
    // -Dmarketplace.local-stack.service-properties=a=1,b=2
    for (String pair :
        System.getProperty("marketplace.local-stack.service-properties", "").split(",")) {
      if (pair.contains("=")) {
        common.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    Path services = servicesDir();
    Path logs = workDir.resolve("logs");

    ServiceProcess catalog =
        ServiceProcess.start(
            "catalog-service",
            services.resolve("catalog-service.jar"),
            ports.catalog(),
            merge(common, Map.of("spring.mongodb.uri", MongoTestServer.uri(mongo, "catalog"))),
            logs,
            "384m");
    this.services.add(catalog);
    ServiceProcess search =
        ServiceProcess.start(
            "search-service",
            services.resolve("search-service.jar"),
            ports.search(),
            merge(
                common,
                Map.of(
                    "spring.elasticsearch.uris", openSearch.url(),
                    "marketplace.search.engine", "opensearch",
                    "marketplace.search.replicas", "0")),
            logs,
            "384m");
    this.services.add(search);
    for (ServiceProcess service : this.services) {
      service.awaitReady(Duration.ofSeconds(120));
    }
  }

  public String catalogUrl() {
    return service("catalog-service").url();
  }

  public String searchUrl() {
    return service("search-service").url();
  }

  /** The search engine itself, for benchmarks that compare the service with direct queries. */
  public String searchEngineUrl() {
    return openSearch.url();
  }

  public String kafkaBootstrapServers() {
    return kafka.getBrokersAsString();
  }

  public List<ServiceProcess> services() {
    return List.copyOf(services);
  }

  private ServiceProcess service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** Stops the services, then the servers, and deletes the working directory. */
  @Override
  public void close() {
    services.reversed().forEach(ServiceProcess::close);
    openSearch.close();
    mongo.shutdownNow();
    kafka.destroy();
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: it lives in the system temp directory.
    }
  }

  private static Path servicesDir() {
    return Path.of(System.getProperty("marketplace.local-stack.services-dir", "target/services"));
  }

  private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new java.util.LinkedHashMap<>(a);
    all.putAll(b);
    return all;
  }
}
