package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.catalog.CatalogApplication;
import dev.marketplace.events.Topics;
import dev.marketplace.platform.kafka.TopicNames;
import dev.marketplace.search.SearchApplication;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.MongoTestServer;
import dev.marketplace.testkit.SearchTestServer;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * search-service are started in this JVM against the testkit's servers, used a little (an HTTP
 * request of each outcome, a product published, a malformed event dead-lettered), and their {@code
 * /actuator/prometheus} scraped. Every metric name an expression selects must appear in a scrape,
 * with every label it matches on, unless {@link #NOT_EXPOSED_HERE} says why not.
 *
 * <p>The scrapes are written to {@code target/scrapes/} for whoever edits a dashboard next.
 */
class MetricsExposedIT {

  /**
   * Referenced metrics no service started here exposes, and why. An entry that a service starts to
   * expose fails the test, so this list only shrinks.
   */
  static final Map<String, String> NOT_EXPOSED_HERE =
      Map.of(
          "up",
          "recorded by Prometheus itself for every scrape target",
          "marketplace_outbox_oldest_pending_age_seconds",
          "to be exposed by the PostgreSQL services' outbox (platform-starter's Outbox: the"
              + " age of the oldest row of event_publication); no such service exists yet");

  /** Labels Prometheus attaches to every series of a target (deploy/observability, k8s docs). */
  static final Set<String> TARGET_LABELS =
      Set.of("application", "job", "instance", "namespace", "pod");

  private static String catalogText;
  private static String searchText;
  private static PrometheusScrape catalog;
  private static PrometheusScrape search;

  @BeforeAll
  static void startServicesAndScrape() throws Exception {
    // The search engine starts in a child JVM; let it boot while catalog-service runs.
    CompletableFuture<String> engine = CompletableFuture.supplyAsync(SearchTestServer::url);
    catalogText = scrapeCatalog();
    catalog = PrometheusScrape.parse(catalogText);
    engine.join();
    searchText = scrapeSearch();
    search = PrometheusScrape.parse(searchText);
  }

  @Test
  void everyMetricADashboardOrAlertUsesIsExposedWithItsLabels() {
    PrometheusScrape exposed = catalog.plus(search);
    List<String> problems = new ArrayList<>();
    ObservabilityFiles.referencedMetrics()
        .forEach(
            (metric, labels) -> {
              if (NOT_EXPOSED_HERE.containsKey(metric)) {
                if (exposed.has(metric)) {
                  problems.add(metric + " is exposed now: remove it from NOT_EXPOSED_HERE");
                }
              } else if (!exposed.has(metric)) {
                problems.add(metric + " is not exposed by catalog-service or search-service");
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
      return save(service.name(), service.scrape());
    }
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

  private static String save(String service, String scrape) throws IOException {
    Path dir = Path.of("target", "scrapes");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(service + ".txt"), scrape);
    return scrape;
  }
}
