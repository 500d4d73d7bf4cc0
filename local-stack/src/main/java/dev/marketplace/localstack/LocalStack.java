package dev.marketplace.localstack;

import de.bwaldvogel.mongo.MongoServer;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.MongoTestServer;
import dev.marketplace.testkit.OpenSearchProcess;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.RedisTestServer;
import dev.marketplace.testkit.TestNamespace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import redis.embedded.RedisServer;

/**
 * The marketplace on one machine: the servers (Kafka, PostgreSQL, Redis, a MongoDB wire-protocol
 * server, OpenSearch) and every service as its own process, configured the way production
 * configures them, only with local addresses and secrets made up for the run. The gateway is the
 * public entry; customer-service issues every token, with the gateway's address as issuer.
 */
public final class LocalStack implements AutoCloseable {

  /** The id of the key customer-service signs tokens with (LocalSecrets holds the key). */
  public static final String SIGNING_KEY_ID = "local-1";

  /** Where the services listen; the README's examples use these. */
  public record Ports(
      int gateway, int catalog, int search, int customer, int order, int inventory, int payment) {

    public static Ports defaults() {
      return new Ports(
          Integer.getInteger("marketplace.local-stack.gateway-port", 8080),
          Integer.getInteger("marketplace.local-stack.catalog-port", 8081),
          Integer.getInteger("marketplace.local-stack.search-port", 8082),
          Integer.getInteger("marketplace.local-stack.customer-port", 8083),
          Integer.getInteger("marketplace.local-stack.order-port", 8084),
          Integer.getInteger("marketplace.local-stack.inventory-port", 8085),
          Integer.getInteger("marketplace.local-stack.payment-port", 8086));
    }

    /** Free ports, for tests. */
    public static Ports free() {
      return new Ports(free1(), free1(), free1(), free1(), free1(), free1(), free1());
    }

    private static int free1() {
      return dev.marketplace.testkit.Ports.free();
    }
  }

  private final Path workDir;
  // All the stack's own, none shared with the JVM's tests, so that close() stops them after the
  // services: PostgreSQL or Redis stopped under running services made each hang until killed.
  private final EmbeddedKafkaKraftBroker kafka;
  private final MongoServer mongo;
  private final OpenSearchProcess openSearch;
  private final EmbeddedPostgres postgres;
  private final RedisServer redis;
  private final int redisPort;
  private final List<ServiceProcess> services = new ArrayList<>();
  private final Map<String, String> databases = new java.util.concurrent.ConcurrentHashMap<>();
  private final LocalSecrets secrets = LocalSecrets.generate();
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private LocalStack(
      Path workDir,
      EmbeddedKafkaKraftBroker kafka,
      MongoServer mongo,
      OpenSearchProcess openSearch,
      EmbeddedPostgres postgres,
      int redisPort) {
    this.workDir = workDir;
    this.kafka = kafka;
    this.mongo = mongo;
    this.openSearch = openSearch;
    this.postgres = postgres;
    this.redisPort = redisPort;
    this.redis = RedisTestServer.startPrivateServer(redisPort);
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
              OpenSearchProcess.start(searchHeap),
              PostgresTestServer.startPrivateServer(),
              dev.marketplace.testkit.Ports.free());
      try {
        stack.startServices(ports);
      } catch (RuntimeException e) {
        // close() deletes the logs the error points to: show their ends first.
        stack.services.forEach(LocalStack::printLogTail);
        stack.close();
        throw e;
      }
      return stack;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startServices(Ports ports) throws IOException {
    String issuer = "http://localhost:" + ports.gateway();
    String customerUrl = "http://localhost:" + ports.customer();
    Map<String, String> common = new java.util.LinkedHashMap<>();
    common.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
    // Every service trusts customer-service's keys and the public issuer, as in production.
    common.put(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", customerUrl + "/oauth2/jwks");
    common.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
    // A service killed here (by a developer, or by a crash test) holds its partitions until its
    // consumers' session times out: 10 s rather than Kafka's 45 s, so a restarted service is not
    // kept waiting by the ghost of its predecessor.
    common.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
    common.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "2000");
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

    Map<String, String> customer = new java.util.LinkedHashMap<>(common);
    customer.putAll(database("customer"));
    customer.put("marketplace.auth.issuer", issuer);
    customer.put("marketplace.auth.signing-keys[0].id", SIGNING_KEY_ID);
    customer.put("marketplace.auth.signing-keys[0].private-key", secrets.signingKeyPem());
    customer.put("marketplace.auth.web-client.client-secret", secrets.webClientSecret());
    customer.put("marketplace.auth.web-client.redirect-uris", Identities.WEB_CALLBACK);
    // Long-lived tokens, so a token pasted into a shell lasts the session (production: minutes).
    customer.put("marketplace.auth.access-token-ttl", "12h");
    customer.put("marketplace.privacy.encryption-keys.k1", secrets.encryptionKey());
    customer.put("marketplace.privacy.blind-index-key", secrets.blindIndexKey());
    customer.put("marketplace.bootstrap-admin.email", secrets.adminEmail());
    customer.put("marketplace.bootstrap-admin.password", secrets.adminPassword());
    this.services.add(
        ServiceProcess.start(
            "customer-service",
            services.resolve("customer-service.jar"),
            ports.customer(),
            customer,
            logs,
            "384m"));
    this.services.add(
        ServiceProcess.start(
            "catalog-service",
            services.resolve("catalog-service.jar"),
            ports.catalog(),
            merge(common, Map.of("spring.mongodb.uri", MongoTestServer.uri(mongo, "catalog"))),
            logs,
            "384m"));
    this.services.add(
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
            "384m"));
    this.services.add(
        ServiceProcess.start(
            "inventory-service",
            services.resolve("inventory-service.jar"),
            ports.inventory(),
            merge(common, database("inventory")),
            logs,
            "256m"));
    this.services.add(
        ServiceProcess.start(
            "payment-service",
            services.resolve("payment-service.jar"),
            ports.payment(),
            merge(common, database("payment")),
            logs,
            "256m"));
    Map<String, String> order = merge(common, database("order"));
    order.put("spring.data.redis.host", "127.0.0.1");
    order.put("spring.data.redis.port", String.valueOf(redisPort));
    // One machine runs the whole stack, confirming about 10 orders a second: 20 orders in their
    // saga keep placed->confirmed within a few seconds under overload (p99 6 s), where the default
    // 200 let it reach p99 43 s (docs/benchmarks.md, Checkout). service-properties may set another.
    order.putIfAbsent("marketplace.orders.checkout.max-in-saga", "20");
    order.put("marketplace.orders.customers.uri", "http://localhost:" + ports.customer());
    order.put("marketplace.privacy.encryption-keys.k1", secrets.orderEncryptionKey());
    order.put("marketplace.carriers.secrets.demo-post", secrets.carrierSecret());
    this.services.add(
        ServiceProcess.start(
            "order-service",
            services.resolve("order-service.jar"),
            ports.order(),
            order,
            logs,
            "256m"));
    // One machine, one address: demo seeding and tests sign many accounts in from it, so the
    // per-caller limits are raised (production: 5/s and 20/s); service-properties override them.
    Map<String, String> gateway =
        merge(
            Map.of(
                "marketplace.gateway.rate-limits.identity.replenish-rate", "100",
                "marketplace.gateway.rate-limits.identity.burst-capacity", "400",
                "marketplace.gateway.rate-limits.api.replenish-rate", "200",
                "marketplace.gateway.rate-limits.api.burst-capacity", "400"),
            common);
    gateway.put("marketplace.gateway.services.catalog", "http://localhost:" + ports.catalog());
    gateway.put("marketplace.gateway.services.search", "http://localhost:" + ports.search());
    gateway.put("marketplace.gateway.services.customer", customerUrl);
    gateway.put("marketplace.gateway.services.order", "http://localhost:" + ports.order());
    gateway.put("marketplace.gateway.services.inventory", "http://localhost:" + ports.inventory());
    gateway.put("marketplace.gateway.services.payment", "http://localhost:" + ports.payment());
    gateway.put("spring.data.redis.host", "127.0.0.1");
    gateway.put("spring.data.redis.port", String.valueOf(redisPort));
    this.services.add(
        ServiceProcess.start(
            "gateway-service",
            services.resolve("gateway-service.jar"),
            ports.gateway(),
            gateway,
            logs,
            "256m"));
    for (ServiceProcess service : this.services) {
      // Seven JVMs and the search engine start at once on a machine that may have two cores:
      // customer-service alone took 73–92 s there with other builds running (its log says so).
      // Waiting is not a performance check, so the limit is generous.
      service.awaitReady(Duration.ofMinutes(5));
    }
  }

  /** A database of the service's own on the stack's PostgreSQL server. */
  private Map<String, String> database(String service) {
    String url =
        PostgresTestServer.createDatabase(
            postgres, new TestNamespace("localstack-" + service).identifier());
    databases.put(service, url);
    return Map.of(
        "spring.datasource.url",
        url,
        "spring.datasource.username",
        PostgresTestServer.user(),
        "spring.datasource.password",
        PostgresTestServer.password());
  }

  /** The public entry: the gateway. */
  public String gatewayUrl() {
    return service("gateway-service").url();
  }

  public String customerUrl() {
    return service("customer-service").url();
  }

  /** Identities made through the gateway with this run's secrets. */
  public Identities identities() {
    return new Identities(gatewayUrl(), kafkaBootstrapServers(), secrets);
  }

  /** This run's administrator, for printing how to sign in. */
  public LocalSecrets secrets() {
    return secrets;
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

  /** The port of the stack's Redis (order-service's carts, the gateway's rate limits). */
  public int redisPort() {
    return redisPort;
  }

  public List<ServiceProcess> services() {
    return List.copyOf(services);
  }

  /**
   * The JDBC URL of the maintenance database ({@code postgres}) of the services' PostgreSQL server,
   * for a benchmark that creates a database of its own there.
   */
  public String maintenanceDatabaseUrl() {
    return PostgresTestServer.jdbcUrl(postgres, "postgres");
  }

  /**
   * The JDBC URL of a service's database ({@code "payment"}, {@code "order"}, ...), for tests that
   * check what an API does not show (user and password: {@link PostgresTestServer}).
   */
  public String databaseUrl(String service) {
    String url = databases.get(service);
    if (url == null) {
      throw new IllegalArgumentException("no database for " + service);
    }
    return url;
  }

  /** A service by its name, e.g. {@code "order-service"}: to kill and restart it in a test. */
  public ServiceProcess service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** Stops the services, then the servers, and deletes the working directory. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // All told to stop first (the gateway first, so nothing new comes in), then awaited: each
    // finishes its in-flight work in parallel instead of one after another.
    services.reversed().forEach(service -> service.process().destroy());
    services.reversed().forEach(ServiceProcess::close);
    openSearch.close();
    mongo.shutdownNow();
    kafka.destroy();
    PostgresTestServer.close(postgres);
    RedisTestServer.stop(redis);
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: it lives in the system temp directory.
    }
  }

  private static void printLogTail(ServiceProcess service) {
    try (Stream<String> lines = Files.lines(service.log())) {
      List<String> all = lines.toList();
      System.err.println("---- last lines of " + service.name() + "'s log ----");
      all.subList(Math.max(0, all.size() - 30), all.size()).forEach(System.err::println);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("(no log of " + service.name() + ": " + e + ")");
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
