package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.marketplace.catalog.CatalogApplication;
import dev.marketplace.events.Topics;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.search.SearchApplication;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.MongoTestServer;
import dev.marketplace.testkit.Ports;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.RedisTestServer;
import dev.marketplace.testkit.SearchTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dashboards and alert rules use only metrics the services really expose: catalog-service and
 * search-service are started in this JVM against the testkit's servers, customer-service and
 * gateway-service as JVMs of their own from their runnable jars ({@link ServiceJvm}: the gateway is
 * reactive, customer-service's JPA/authorization-server auto-configurations must not reach the
 * others). Each is used a little (an HTTP request of each outcome, a product published, a malformed
 * event dead-lettered, a shopper signed up, requests routed through the gateway), and its {@code
 * /actuator/prometheus} scraped. Every metric name an expression selects must appear in a scrape,
 * with every label it matches on, unless {@link #NOT_EXPOSED_HERE} says why not.
 *
 * <p>The scrapes are written to {@code target/scrapes/} for whoever edits a dashboard next; the
 * service JVMs' logs to {@code target/service-logs/}.
 */
class MetricsExposedIT {

  /**
   * Referenced metrics no service started here exposes, and why. An entry that a service starts to
   * expose fails the test, so this list only shrinks.
   */
  static final Map<String, String> NOT_EXPOSED_HERE =
      Map.of("up", "recorded by Prometheus itself for every scrape target");

  /** Labels Prometheus attaches to every series of a target (deploy/observability, k8s docs). */
  static final Set<String> TARGET_LABELS =
      Set.of("application", "job", "instance", "namespace", "pod");

  private static String catalogText;
  private static String searchText;
  private static String customerText;
  private static String gatewayText;
  private static String orderText;
  private static String paymentText;
  private static PrometheusScrape catalog;
  private static PrometheusScrape search;
  private static PrometheusScrape customer;
  private static PrometheusScrape gateway;
  private static PrometheusScrape order;
  private static PrometheusScrape payment;

  @BeforeAll
  static void startServicesAndScrape() throws Exception {
    // The search engine and the two service JVMs start in the background while catalog-service
    // runs in this one.
    CompletableFuture<String> engine = CompletableFuture.supplyAsync(SearchTestServer::url);
    Upstream upstream = Upstream.start();
    try (ServiceJvm customerJvm = startCustomer();
        ServiceJvm gatewayJvm = startGateway(upstream);
        ServiceJvm orderJvm = startCheckoutService("order-service", true);
        ServiceJvm paymentJvm = startCheckoutService("payment-service", false)) {
      catalogText = scrapeCatalog();
      catalog = PrometheusScrape.parse(catalogText);
      customerText = scrapeCustomer(customerJvm);
      customer = PrometheusScrape.parse(customerText);
      gatewayText = scrapeGateway(gatewayJvm);
      gateway = PrometheusScrape.parse(gatewayText);
      orderText = scrapeAfterShopperCalls(orderJvm, "/api/v1/cart");
      order = PrometheusScrape.parse(orderText);
      paymentText = scrapeAfterShopperCalls(paymentJvm, "/api/v1/payment-methods");
      payment = PrometheusScrape.parse(paymentText);
    } finally {
      upstream.close();
    }
    engine.join();
    searchText = scrapeSearch();
    search = PrometheusScrape.parse(searchText);
  }

  @Test
  void everyMetricADashboardOrAlertUsesIsExposedWithItsLabels() {
    PrometheusScrape exposed =
        catalog.plus(search).plus(customer).plus(gateway).plus(order).plus(payment);
    List<String> problems = new ArrayList<>();
    ObservabilityFiles.referencedMetrics()
        .forEach(
            (metric, labels) -> {
              if (NOT_EXPOSED_HERE.containsKey(metric)) {
                if (exposed.has(metric)) {
                  problems.add(metric + " is exposed now: remove it from NOT_EXPOSED_HERE");
                }
              } else if (!exposed.has(metric)) {
                problems.add(metric + " is not exposed by any service");
              } else {
                for (String label : labels) {
                  if (!exposed.labels(metric).contains(label) && !TARGET_LABELS.contains(label)) {
                    problems.add(
                        metric
                            + " has no label "
                            + label
                            + " (has "
                            + exposed.labels(metric)
                            + ")");
                  }
                }
              }
            });

    assertThat(problems).isEmpty();
  }

  @Test
  void eachServiceRanWithItsOwnConfiguration() {
    assertThat(catalogText).contains("application=\"catalog-service\"");
    assertThat(catalogText).doesNotContain("application=\"search-service\"");
    assertThat(searchText).contains("application=\"search-service\"");
    assertThat(searchText).doesNotContain("application=\"catalog-service\"");
    assertThat(searchText).doesNotContain("mongodb_driver");
    assertThat(catalogText).doesNotContain("elasticsearch");
    assertThat(customerText).contains("application=\"customer-service\"");
    assertThat(gatewayText).contains("application=\"gateway-service\"");
    assertThat(orderText).contains("application=\"order-service\"");
    assertThat(paymentText).contains("application=\"payment-service\"");
    // Neither in-process service got customer-service's store (its JVM is separate).
    assertThat(catalogText + searchText).doesNotContain("hikaricp_");
  }

  @Test
  void everyServiceExposesRedJvmAndKafkaClientMetrics() {
    for (PrometheusScrape scrape : List.of(catalog, search)) {
      assertThat(scrape.labels("http_server_requests_seconds_bucket"))
          .contains("application", "uri", "outcome", "status", "le");
      assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
      assertThat(scrape.has("jvm_gc_pause_seconds_count")).isTrue();
      assertThat(scrape.has("process_cpu_usage")).isTrue();
    }
    assertThat(catalog.has("kafka_producer_record_send_total")).isTrue();
    assertThat(catalog.has("catalog_outbox_backlog")).isTrue();
    assertThat(search.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
    assertThat(search.labels("marketplace_kafka_dead_letters_total")).contains("topic");
  }

  @Test
  void customerServiceExposesRedJvmPoolAndOutboxPublishingMetrics() {
    assertThat(customer.labels("http_server_requests_seconds_bucket"))
        .contains("application", "uri", "outcome", "status", "le");
    assertThat(customer.has("jvm_memory_used_bytes")).isTrue();
    assertThat(customer.has("hikaricp_connections_active")).isTrue();
    // The outbox sent the sign-up's events (Spring Modulith's Kafka externalization).
    assertThat(customer.has("kafka_producer_record_send_total")).isTrue();
  }

  @Test
  void theCheckoutServicesExposeBusinessAndOutboxMetricsFromTheStart() {
    // Registered at start-up for every value, so rates and ratios work before the first order.
    assertThat(order.labels("marketplace_orders_total")).contains("status");
    assertThat(orderText)
        .contains("status=\"RESERVING_STOCK\"")
        .contains("status=\"CONFIRMED\"")
        .contains("status=\"CANCELLED\"");
    assertThat(payment.labels("marketplace_payments_total")).contains("operation", "result");
    assertThat(paymentText)
        .contains("result=\"approved\"")
        .contains("result=\"declined\"")
        .contains("result=\"provider_unavailable\"");
    for (PrometheusScrape scrape : List.of(order, payment, customer)) {
      assertThat(scrape.has("marketplace_outbox_pending")).isTrue();
      assertThat(scrape.has("marketplace_outbox_oldest_pending_age_seconds")).isTrue();
      assertThat(scrape.has("hikaricp_connections_active")).isTrue();
    }
  }

  @Test
  void theGatewayExposesRedUpstreamAndRateLimitMetrics() {
    assertThat(gateway.labels("http_server_requests_seconds_bucket"))
        .contains("application", "uri", "outcome", "status", "le");
    assertThat(gateway.has("jvm_memory_used_bytes")).isTrue();
    assertThat(gateway.labels("spring_cloud_gateway_requests_seconds_bucket"))
        .contains("routeId", "outcome", "status", "le");
    // Registered for every rate-limit class at start-up, so "Redis down" shows as an increase.
    assertThat(gateway.labels("gateway_ratelimit_unavailable_total")).contains("class");
    assertThat(gatewayText)
        .contains("gateway_ratelimit_unavailable_total{")
        .contains("class=\"public\"")
        .contains("class=\"api\"")
        .contains("class=\"identity\"");
  }

  private static String scrapeCatalog() throws IOException {
    TestNamespace namespace = TestNamespace.forClass(MetricsExposedIT.class);
    Map<String, String> properties = common(namespace);
    properties.put("spring.mongodb.uri", MongoTestServer.uri(namespace));
    properties.put("catalog.topic.partitions", "1");
    try (InProcessService service =
        InProcessService.start(
            "catalog-service",
            CatalogApplication.class,
            properties,
            List.of("spring-boot-elasticsearch"))) {
      ApiClient anonymous = ApiClient.at(service.url());
      ApiClient vendor = anonymous.withToken(TestTokens.vendor("metrics-vendor"));
      ApiClient.Response created = vendor.post("/api/v1/vendor/products", product());
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String id = created.json().path("id").asString();
      assertThat(vendor.post("/api/v1/vendor/products/" + id + "/publish", null).status())
          .isEqualTo(200);
      assertThat(anonymous.get("/api/v1/products/" + id).status()).isEqualTo(200);
      assertThat(anonymous.get("/api/v1/products/no-such-product").status()).isEqualTo(404);
      awaitGcMetrics(service);
      return save(service.name(), service.scrape());
    }
  }

  private static String scrapeSearch() throws IOException {
    TestNamespace namespace = TestNamespace.forClass(MetricsExposedIT.class);
    Map<String, String> properties = common(namespace);
    properties.put("spring.elasticsearch.uris", SearchTestServer.url());
    properties.put("marketplace.search.engine", SearchTestServer.engine());
    properties.put("marketplace.search.index-prefix", namespace.name());
    properties.put("marketplace.search.replicas", "0");
    properties.put("spring.kafka.consumer.group-id", namespace.name() + "-search");
    try (InProcessService service =
        InProcessService.start(
            "search-service",
            SearchApplication.class,
            properties,
            List.of("spring-boot-mongodb", "spring-boot-data-mongodb"))) {
      ApiClient anonymous = ApiClient.at(service.url());
      assertThat(anonymous.get("/api/v1/search/products?q=lamp").status()).isEqualTo(200);
      assertThat(anonymous.get("/api/v1/search/suggestions?q=la").status()).isEqualTo(200);
      assertThat(anonymous.get("/api/v1/search/products?nonsense=1").status()).isEqualTo(400);
      // A malformed event: dead-lettered at once, which registers the dead-letter counter.
      sendMalformedEvent(new TopicNames(namespace.name()).name(Topics.CATALOG_PRODUCTS));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> service.scrape().contains("marketplace_kafka_dead_letters_total{"));
      awaitGcMetrics(service);
      return save(service.name(), service.scrape());
    }
  }

  /** customer-service as production runs it: its own JVM, PostgreSQL, Kafka, its own secrets. */
  private static ServiceJvm startCustomer() {
    TestNamespace namespace = TestNamespace.forClass(MetricsExposedIT.class);
    int port = Ports.free();
    Map<String, String> properties = withKafkaAndDatabase(namespace);
    properties.put("marketplace.auth.issuer", "http://localhost:" + port);
    properties.put("marketplace.auth.signing-keys[0].id", "metrics-1");
    properties.put("marketplace.auth.signing-keys[0].private-key", rsaPrivateKey());
    properties.put("marketplace.auth.web-client.client-secret", random(24));
    properties.put("marketplace.privacy.encryption-keys.k1", random(32));
    properties.put("marketplace.privacy.blind-index-key", random(32));
    return ServiceJvm.start("customer-service", port, port, "256m", properties);
  }

  private static String scrapeCustomer(ServiceJvm service) throws IOException {
    service.awaitReady(Duration.ofSeconds(150));
    ApiClient anonymous = ApiClient.at(service.url());
    assertThat(anonymous.get("/.well-known/openid-configuration").status()).isEqualTo(200);
    assertThat(anonymous.get("/oauth2/jwks").status()).isEqualTo(200);
    ApiClient.Response signedUp =
        anonymous.post(
            "/api/v1/customers",
            Map.of(
                "email", "metrics-" + random(4).replaceAll("[^a-zA-Z0-9]", "") + "@example.com",
                "password", "a long metrics password",
                "givenName", "Metric",
                "familyName", "Shopper"));
    assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
    assertThat(anonymous.get("/api/v1/customers/me").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/v1/customers", Map.of("email", "")).status()).isEqualTo(400);
    // The sign-up's events leave through the outbox after the commit.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> service.scrape().contains("kafka_producer_record_send_total{"));
    return save(service.name(), service.scrape());
  }

  /**
   * order-service or payment-service as production runs it: its own JVM, PostgreSQL, Kafka (and
   * Redis for carts), tokens checked against a JWK Set.
   */
  private static ServiceJvm startCheckoutService(String name, boolean withRedis) {
    TestNamespace namespace = TestNamespace.forClass(MetricsExposedIT.class);
    int port = Ports.free();
    Map<String, String> properties = withKafkaAndDatabase(namespace);
    properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
    properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
    if (withRedis) {
      properties.put("spring.data.redis.host", RedisTestServer.host());
      properties.put("spring.data.redis.port", String.valueOf(RedisTestServer.port()));
    }
    // order-service seals delivery addresses with a key of its own.
    properties.put("marketplace.privacy.encryption-keys.k1", random(32));
    return ServiceJvm.start(name, port, port, "256m", properties);
  }

  /** Calls a shopper's endpoint with a token (200) and without one (401), then scrapes. */
  private static String scrapeAfterShopperCalls(ServiceJvm service, String shopperPath)
      throws IOException {
    service.awaitReady(Duration.ofSeconds(150));
    ApiClient anonymous = ApiClient.at(service.url());
    ApiClient shopper = anonymous.withToken(TestTokens.shopper("metrics-shopper"));
    assertThat(shopper.get(shopperPath).status()).isEqualTo(200);
    assertThat(anonymous.get(shopperPath).status()).isEqualTo(401);
    return save(service.name(), service.scrape());
  }

  /** A PostgreSQL service's own database and Kafka topic prefix. */
  private static Map<String, String> withKafkaAndDatabase(TestNamespace namespace) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.kafka.bootstrap-servers", KafkaTestServer.bootstrapServers());
    properties.put("marketplace.kafka.topic-prefix", namespace.name());
    properties.put("spring.datasource.url", PostgresTestServer.createDatabase(namespace));
    properties.put("spring.datasource.username", PostgresTestServer.user());
    properties.put("spring.datasource.password", PostgresTestServer.password());
    return properties;
  }

  /**
   * The gateway as docker-compose runs it: management endpoints on a port of their own, Redis for
   * the rate limits, tokens checked against a JWK Set. Catalog and search are a stub upstream;
   * customer-service is an address nobody listens on, so its routes fail (503).
   */
  private static ServiceJvm startGateway(Upstream upstream) {
    int port = Ports.free();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.data.redis.host", RedisTestServer.host());
    properties.put("spring.data.redis.port", String.valueOf(RedisTestServer.port()));
    properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
    properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
    properties.put("marketplace.gateway.services.catalog", upstream.url());
    properties.put("marketplace.gateway.services.search", upstream.url());
    properties.put("marketplace.gateway.services.customer", "http://127.0.0.1:" + Ports.free());
    // Its revocation list: the gateway is not ready before it has read it.
    properties.put("spring.kafka.bootstrap-servers", KafkaTestServer.bootstrapServers());
    properties.put(
        "marketplace.kafka.topic-prefix", TestNamespace.forClass(MetricsExposedIT.class).name());
    return ServiceJvm.start("gateway-service", port, Ports.free(), "192m", properties);
  }

  private static String scrapeGateway(ServiceJvm service) throws IOException {
    service.awaitReady(Duration.ofSeconds(150));
    ApiClient anonymous = ApiClient.at(service.url());
    assertThat(anonymous.get("/api/v1/products/p-1").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/v1/search/products?q=lamp").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/v1/vendor/products").status()).isEqualTo(401);
    assertThat(
            anonymous
                .withToken(TestTokens.vendor("metrics-vendor"))
                .get("/api/v1/vendor/products")
                .status())
        .isEqualTo(200);
    assertThat(anonymous.get("/.well-known/openid-configuration").status()).isEqualTo(503);
    // The actuator is not on the public port (docker-compose publishes only that one).
    assertThat(anonymous.get("/actuator/prometheus").status()).isNotEqualTo(200);
    return save(service.name(), service.scrape());
  }

  /** GC metrics appear with the first collection, which a short run may not have had yet. */
  private static void awaitGcMetrics(InProcessService service) {
    System.gc();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> service.scrape().contains("jvm_gc_pause_seconds_count"));
  }

  private static Map<String, String> common(TestNamespace namespace) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.kafka.bootstrap-servers", KafkaTestServer.bootstrapServers());
    properties.put("marketplace.kafka.topic-prefix", namespace.name());
    properties.put(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        TestTokens.publicKeyFile().toUri().toString());
    return properties;
  }

  private static void sendMalformedEvent(String topic) throws IOException {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestServer.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(topic, "poison", "{\"not\": \"an event\"")).get();
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static Map<String, Object> product() {
    Map<String, Object> variant =
        Map.of("sku", "METRICS-1", "price", Map.of("amount", 1999, "currency", "EUR"));
    return Map.of(
        "name",
        "Metrics lamp",
        "brand",
        "Lumen",
        "description",
        "Lights up dashboards.",
        "variants",
        List.of(variant));
  }

  private static String random(int bytes) {
    byte[] raw = new byte[bytes];
    new SecureRandom().nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /** A fresh RSA key in PKCS#8 PEM form, as operators generate one (deploy/env.example). */
  private static String rsaPrivateKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An upstream service that answers every request with an empty page. */
  private record Upstream(HttpServer server) implements AutoCloseable {

    static Upstream start() throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] body =
          "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0,\"totalPages\":0}"
              .getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return new Upstream(server);
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static String save(String service, String scrape) throws IOException {
    Path dir = Path.of("target", "scrapes");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(service + ".txt"), scrape);
    return scrape;
  }
}
