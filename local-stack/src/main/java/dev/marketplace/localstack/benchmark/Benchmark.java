package dev.marketplace.localstack.benchmark;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.localstack.DemoData;
import dev.marketplace.localstack.Identities;
import dev.marketplace.localstack.LocalStack;
import dev.marketplace.testkit.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./mvnw -Pbenchmark -DskipTests verify}. On the local stack (every service its own
 * process):
 *
 * <ol>
 *   <li>loads {@code products} (default 100,000) products as catalog events, which search-service
 *       indexes, and reports the indexing rate;
 *   <li>runs a fixed query mix through search-service and the equivalent queries straight to the
 *       engine: latency p50/p99 with one client, throughput with {@code clients} clients;
 *   <li>measures catalog→search freshness: vendor updates through catalog-service at {@code rate}
 *       per second, each timed from the request until search shows the new version.
 * </ol>
 *
 * Settings: system properties {@code benchmark.products}, {@code benchmark.clients}, {@code
 * benchmark.rate}, {@code benchmark.seconds}, {@code benchmark.phases} ({@code search,freshness}).
 */
public final class Benchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final LocalStack stack;
  private final List<String> report = new ArrayList<>();

  private Benchmark(LocalStack stack) {
    this.stack = stack;
  }

  public static void main(String[] args) throws Exception {
    int products = Integer.getInteger("benchmark.products", 100_000);
    int clients = Integer.getInteger("benchmark.clients", 4);
    int rate = Integer.getInteger("benchmark.rate", 200);
    int seconds = Integer.getInteger("benchmark.seconds", 30);
    // The load always runs (both later phases need the index); either later phase can be skipped.
    List<String> phases =
        List.of(System.getProperty("benchmark.phases", "search,freshness").split(","));
    System.out.printf(
        "machine: %d cores, JDK %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    try (LocalStack stack = LocalStack.start(LocalStack.Ports.free(), "1g")) {
      Benchmark benchmark = new Benchmark(stack);
      benchmark.load(products);
      if (phases.contains("search")) {
        benchmark.searchLatency(clients);
      }
      if (phases.contains("freshness")) {
        benchmark.freshness(rate, seconds);
      }
      System.out.println();
      System.out.println("==== results ====");
      benchmark.report.forEach(System.out::println);
    }
  }

  private void load(int count) throws Exception {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (int n = 0; n < count; n++) {
        ProductChangedV1 product = product(n);
        producer.send(
            new ProducerRecord<>(
                Topics.CATALOG_PRODUCTS,
                product.productId(),
                EventJson.write(
                    EventEnvelope.of("benchmark-loader", Instant.now(), null, product))));
      }
    }
    long published = System.nanoTime();
    while (total("") < count) {
      TimeUnit.MILLISECONDS.sleep(500);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    line(
        "load: %,d products published in %.1f s, all searchable after %.1f s (%.0f products/s indexed)",
        count, (published - start) / 1e9, secs, count / secs);
  }

  private void searchLatency(int clients) throws Exception {
    List<QueryMix.Query> queries = QueryMix.queries();
    String service = stack.searchUrl() + "/api/v1/search/products?";
    String engine = stack.searchEngineUrl() + "/products/_search";
    // Warm both paths (JIT, engine caches) with the same number of requests.
    run(queries, service, engine, 1, 2_000, true);
    run(queries, service, engine, 1, 2_000, false);

    for (boolean viaService : List.of(true, false)) {
      String path = viaService ? "search-service" : "engine direct ";
      Latencies single = run(queries, service, engine, 1, 3_000, viaService);
      long started = System.nanoTime();
      Latencies concurrent = run(queries, service, engine, clients, 6_000, viaService);
      double throughput = concurrent.count() / ((System.nanoTime() - started) / 1e9);
      line(
          "search %s: p50 %.2f ms, p99 %.2f ms (1 client, %,d requests); %.0f requests/s with %d clients",
          path,
          single.percentileMillis(50),
          single.percentileMillis(99),
          single.count(),
          throughput,
          clients);
    }
  }

  private Latencies run(
      List<QueryMix.Query> queries,
      String service,
      String engine,
      int clients,
      int requests,
      boolean viaService)
      throws InterruptedException {
    Latencies latencies = new Latencies(requests);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        pool.execute(
            () -> {
              int i;
              while ((i = next.getAndIncrement()) < requests) {
                QueryMix.Query query = queries.get(i % queries.size());
                HttpRequest request =
                    viaService
                        ? HttpRequest.newBuilder(URI.create(service + query.serviceQuery())).build()
                        : HttpRequest.newBuilder(URI.create(engine))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(query.engineBody()))
                            .build();
                long start = System.nanoTime();
                try {
                  int status =
                      HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                  latencies.record(System.nanoTime() - start);
                  if (status != 200) {
                    failures.incrementAndGet();
                  }
                } catch (IOException | InterruptedException e) {
                  failures.incrementAndGet();
                }
              }
            });
      }
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " search requests failed");
    }
    return latencies;
  }

  /**
   * Vendors update products through catalog-service at a fixed rate; a watcher asks the engine
   * (through the alias, so only refreshed, searchable data counts) which updates are visible yet.
   */
  private void freshness(int rate, int seconds) throws Exception {
    int pool = Math.max(rate * 10, 1_000);
    Identities identities = stack.identities();
    DemoData.createCategories(stack.catalogUrl(), identities.adminToken());
    ApiClient vendor =
        ApiClient.at(stack.catalogUrl())
            .withToken(
                identities.vendorToken(
                    identities.onboardVendor("Bench vendor", "bench@demo.marketplace.dev")));
    List<String> ids = new ArrayList<>();
    Map<String, Long> versions = new ConcurrentHashMap<>();
    try (ExecutorService creators = Executors.newFixedThreadPool(8)) {
      List<java.util.concurrent.Future<?>> created = new ArrayList<>();
      for (int n = 0; n < pool; n++) {
        int i = n;
        created.add(
            creators.submit(
                () -> {
                  var response = vendor.post("/api/v1/vendor/products", DemoData.product(i));
                  String id = response.json().path("id").asString();
                  synchronized (ids) {
                    ids.add(id);
                  }
                  versions.put(id, 1L);
                }));
      }
      for (var future : created) {
        future.get();
      }
    }
    // Wait until the created products are indexed, so only the updates are measured.
    while (indexedVersionsAtLeast(ids, versions) < ids.size()) {
      TimeUnit.MILLISECONDS.sleep(200);
    }

    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> awaitedVersion = new ConcurrentHashMap<>();
    Latencies freshness = new Latencies(rate * seconds + 10);
    Latencies writes = new Latencies(rate * seconds + 10);
    AtomicLong lagging = new AtomicLong();
    int updates = rate * seconds;
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    long periodMicros = 1_000_000L / rate;
    ticker.scheduleAtFixedRate(
        () -> {
          int n = sent.getAndIncrement();
          if (n >= updates) {
            return;
          }
          String id = ids.get(n % ids.size());
          senders.execute(
              () -> {
                long version = versions.get(id);
                Map<String, Object> body = DemoData.product(n);
                body.put("name", "Updated " + n);
                long start = System.nanoTime();
                var response =
                    vendor
                        .withHeader("If-Match", "\"" + version + "\"")
                        .put("/api/v1/vendor/products/" + id, body);
                writes.record(System.nanoTime() - start);
                if (response.status() == 200) {
                  versions.put(id, version + 1);
                  // Every 10th update is timed: enough samples for p99, and the watcher's own load
                  // on the engine stays small next to what it measures.
                  if (n % 10 == 0) {
                    sentAt.put(id, start);
                    awaitedVersion.put(id, version + 1);
                  }
                } else {
                  rejected.incrementAndGet();
                }
              });
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 30).toNanos();
    while ((sent.get() < updates || !awaitedVersion.isEmpty()) && System.nanoTime() < deadline) {
      watch(awaitedVersion, sentAt, freshness);
      TimeUnit.MILLISECONDS.sleep(50);
    }
    ticker.shutdownNow();
    senders.close();
    lagging.set(awaitedVersion.size());
    line(
        "freshness: %,d timed updates (1 in 10) at %d/s through catalog-service: p50 %.0f ms, p99 %.0f"
            + " ms, max %.0f ms (request sent -> visible in search; %d not seen within 30 s, %d rejected);"
            + " the update requests themselves: p50 %.0f ms, p99 %.0f ms",
        freshness.count(),
        rate,
        freshness.percentileMillis(50),
        freshness.percentileMillis(99),
        freshness.percentileMillis(100),
        lagging.get(),
        rejected.get(),
        writes.percentileMillis(50),
        writes.percentileMillis(99));
  }

  /** One look at the index: records the updates that became searchable since the last look. */
  private void watch(Map<String, Long> awaited, Map<String, Long> sentAt, Latencies freshness)
      throws IOException, InterruptedException {
    if (awaited.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(awaited.keySet());
    long now = System.nanoTime();
    for (JsonNode hit : versionsOf(ids)) {
      String id = hit.path("_id").asString();
      Long wanted = awaited.get(id);
      if (wanted != null && version(hit) >= wanted) {
        freshness.record(now - sentAt.get(id));
        awaited.remove(id);
      }
    }
  }

  private long indexedVersionsAtLeast(List<String> ids, Map<String, Long> versions)
      throws IOException, InterruptedException {
    long seen = 0;
    for (int from = 0; from < ids.size(); from += 1_000) {
      for (JsonNode hit : versionsOf(ids.subList(from, Math.min(ids.size(), from + 1_000)))) {
        if (hit.path("_source").path("version").asLong()
            >= versions.get(hit.path("_id").asString())) {
          seen++;
        }
      }
    }
    return seen;
  }

  private static long version(JsonNode hit) {
    return hit.path("_source").path("version").asLong();
  }

  private JsonNode versionsOf(List<String> ids) throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "size", ids.size(),
                "_source", List.of("version"),
                "query", Map.of("ids", Map.of("values", ids))));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.searchEngineUrl() + "/products/_search"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body())
        .path("hits")
        .path("hits");
  }

  private long total(String query) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(stack.searchUrl() + "/api/v1/search/products?size=1" + query))
            .build();
    return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body())
        .path("totalItems")
        .asLong();
  }

  private void line(String format, Object... args) {
    String text = String.format(format, args);
    System.out.println(text);
    report.add(text);
  }

  /** Product number {@code n} of the bulk load, shaped like the demo data. */
  private static ProductChangedV1 product(int n) {
    Map<String, Object> body = DemoData.product(n);
    @SuppressWarnings("unchecked")
    Map<String, Object> variant = ((List<Map<String, Object>>) body.get("variants")).getFirst();
    @SuppressWarnings("unchecked")
    Map<String, Object> price = (Map<String, Object>) variant.get("price");
    @SuppressWarnings("unchecked")
    Map<String, String> variantAttributes = (Map<String, String>) variant.get("attributes");
    @SuppressWarnings("unchecked")
    Map<String, String> attributes = (Map<String, String>) body.get("attributes");
    Instant created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n);
    return new ProductChangedV1(
        "bench-" + n,
        1,
        DemoData.VENDORS.get(n % DemoData.VENDORS.size()),
        ProductChangedV1.Status.PUBLISHED,
        (String) body.get("name"),
        (String) body.get("description"),
        (String) body.get("brand"),
        (String) body.get("categoryId"),
        attributes,
        List.of(
            new ProductChangedV1.Variant(
                (String) variant.get("sku"), variantAttributes, (Long) price.get("amount"), "EUR")),
        List.of(),
        created,
        created);
  }
}
