package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.testkit.RedisTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rolling update loses nothing: a service that gets SIGTERM (what Kubernetes and docker compose
 * send, what {@link Process#destroy()} sends) finishes the HTTP requests in flight and commits the
 * Kafka offsets of what it processed before it exits, and its successor resumes exactly there.
 *
 * <p>Each service runs from its runnable jar as its own process (as in production), next to the
 * shared stack's Kafka, search engine and Redis, with a topic prefix and index prefix of its own.
 * Requests are made genuinely slow without touching service code: search-service talks to the
 * search engine through a proxy that holds searches for 5 s and bulk writes for 0.5 s; the gateway
 * routes catalog reads to an upstream that answers after 5 s. The signal is sent only while those
 * requests (and a bulk write of a consumed batch) are in flight.
 */
class GracefulShutdownIT {

  /** Long enough for all in-flight requests to overlap, short of the gateway's 10 s timeout. */
  private static final Duration SLOW_REQUEST = Duration.ofSeconds(5);

  private static final Duration SLOW_BULK = Duration.ofMillis(500);
  private static final int IN_FLIGHT_REQUESTS = 3;
  private static final int EVENTS = 6000;
  private static final int PARTITIONS = 2;

  /** A JVM that ran its shutdown hooks after SIGTERM exits with 128 + 15. */
  private static final int EXIT_ON_SIGTERM = 143;

  /**
   * search-service's consumer group: its listener's id ({@code @KafkaListener(id =
   * "product-indexer")} makes the id the group, whatever {@code spring.kafka.consumer.group-id}
   * says). The shared stack's search-service is in it too, for another topic: offsets are read for
   * this test's own topic only.
   */
  private static final String GROUP = "product-indexer";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static LocalStack stack;
  private static Path logs;
  private static DelayingProxy engineProxy;
  private static SlowUpstream slowCatalog;

  @BeforeAll
  static void start() throws IOException {
    stack = SharedStack.get();
    logs = Files.createDirectories(Path.of("target", "graceful-shutdown"));
    engineProxy = DelayingProxy.start(stack.searchEngineUrl());
    slowCatalog = SlowUpstream.start(SLOW_REQUEST);
  }

  @AfterAll
  static void stop() {
    if (engineProxy != null) {
      engineProxy.close();
    }
    if (slowCatalog != null) {
      slowCatalog.close();
    }
  }

  @Test
  void servicesFinishInFlightWorkOnSigtermAndASuccessorResumesWhereTheConsumerStopped()
      throws Exception {
    String namespace = "graceful" + UUID.randomUUID().toString().substring(0, 6);
    String topic = Topics.prefixed(namespace, Topics.CATALOG_PRODUCTS);
    String alias = namespace + "-products";
    createTopicWithEvents(topic, EVENTS);

    // Both start at once (start-up is most of this test's time); the consumer starts on a backlog.
    engineProxy.delayBulk(SLOW_BULK);
    ServiceProcess gateway = startGateway(logs.resolve("gateway"));
    ServiceProcess search = startSearch(namespace, logs.resolve("search-first"));
    List<ServiceProcess> started = new ArrayList<>(List.of(gateway, search));
    try {
      gateway.awaitReady(Duration.ofSeconds(120));
      search.awaitReady(Duration.ofSeconds(120));
      CompletableFuture<Void> gatewayScenario =
          CompletableFuture.runAsync(() -> gatewayFinishesProxiedRequests(gateway));

      // search-service: slow searches in flight, a consumed batch being written, then SIGTERM.
      await().atMost(Duration.ofSeconds(60)).until(() -> committed(topic) > 0);
      // A fresh JVM's first request can take seconds; warm up so the slow ones overlap.
      warmUp(search.url() + "/api/v1/search/products?q=lamp");
      engineProxy.delaySearches(SLOW_REQUEST);
      List<CompletableFuture<HttpResponse<String>>> searches =
          send(search.url() + "/api/v1/search/products?q=lamp", IN_FLIGHT_REQUESTS);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(
              () ->
                  engineProxy.searchesInFlight() == IN_FLIGHT_REQUESTS
                      && engineProxy.bulksInFlight() > 0);
      search.process().destroy();

      for (CompletableFuture<HttpResponse<String>> response : searches) {
        HttpResponse<String> finished = response.get(30, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        assertThat(finished.body()).contains("\"items\"");
      }
      assertThat(search.process().waitFor(30, TimeUnit.SECONDS))
          .as("search-service exited")
          .isTrue();
      assertThat(search.process().exitValue()).isEqualTo(EXIT_ON_SIGTERM);
      engineProxy.delaySearches(Duration.ZERO);
      engineProxy.delayBulk(Duration.ZERO);

      // Every offset committed is a record indexed, and every record indexed is committed.
      Map<TopicPartition, Long> committedAtExit = committedOffsets(topic);
      long committed = committedAtExit.values().stream().mapToLong(Long::longValue).sum();
      assertThat(committed).as("stopped mid-stream").isBetween(1L, EVENTS - 1L);
      assertThat(indexed(alias))
          .as("products indexed when the consumer stopped")
          .isEqualTo(committed);

      // The successor resumes at the committed offsets and processes the rest, nothing twice.
      ServiceProcess successor = startSearch(namespace, logs.resolve("search-restarted"));
      started.add(successor);
      successor.awaitReady(Duration.ofSeconds(120));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> committed(topic) == EVENTS && indexed(alias) == EVENTS);
      assertThat(resumedAt(successor.log(), topic)).isEqualTo(committedAtExit);
      assertThat(recordsConsumed(successor))
          .as("records the successor consumed")
          .isEqualTo(EVENTS - committed);

      gatewayScenario.get(60, TimeUnit.SECONDS);
    } finally {
      started.forEach(ServiceProcess::close);
    }
  }

  /** The reactive gateway, with slow upstream calls in flight, gets SIGTERM. */
  private static void gatewayFinishesProxiedRequests(ServiceProcess gateway) {
    try {
      warmUp(gateway.url() + "/api/v1/products/slow-product");
      List<CompletableFuture<HttpResponse<String>>> reads =
          send(gateway.url() + "/api/v1/products/slow-product", IN_FLIGHT_REQUESTS);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> slowCatalog.inFlight() == IN_FLIGHT_REQUESTS);
      gateway.process().destroy();
      for (CompletableFuture<HttpResponse<String>> response : reads) {
        HttpResponse<String> finished = response.get(30, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo(SlowUpstream.BODY);
      }
      assertThat(gateway.process().waitFor(30, TimeUnit.SECONDS)).as("gateway exited").isTrue();
      assertThat(gateway.process().exitValue()).isEqualTo(EXIT_ON_SIGTERM);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ the services

  private static ServiceProcess startSearch(String namespace, Path logDir) {
    Map<String, String> properties = tokenChecks();
    properties.put("spring.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
    properties.put("marketplace.kafka.topic-prefix", namespace);
    properties.put("spring.elasticsearch.uris", engineProxy.url());
    properties.put("marketplace.search.engine", "opensearch");
    properties.put("marketplace.search.index-prefix", namespace);
    properties.put("marketplace.search.replicas", "0");
    return ServiceProcess.start(
        "search-service", jar("search-service"), freePort(), properties, logDir, "384m");
  }

  private static ServiceProcess startGateway(Path logDir) {
    Map<String, String> properties = tokenChecks();
    properties.put("marketplace.gateway.services.catalog", slowCatalog.url());
    properties.put("marketplace.gateway.services.search", stack.searchUrl());
    properties.put("marketplace.gateway.services.customer", stack.customerUrl());
    properties.put("spring.data.redis.host", RedisTestServer.host());
    properties.put("spring.data.redis.port", String.valueOf(RedisTestServer.port()));
    // Its revocation list: the gateway is not ready before it has read it.
    properties.put("spring.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
    return ServiceProcess.start(
        "gateway-service", jar("gateway-service"), freePort(), properties, logDir, "256m");
  }

  private static Map<String, String> tokenChecks() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        stack.customerUrl() + "/oauth2/jwks");
    properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", stack.gatewayUrl());
    return properties;
  }

  private static Path jar(String service) {
    return Path.of(System.getProperty("marketplace.local-stack.services-dir", "target/services"))
        .resolve(service + ".jar");
  }

  private static int freePort() {
    return dev.marketplace.testkit.Ports.free();
  }

  private static void warmUp(String url) throws Exception {
    send(url, 1).getFirst().get(30, TimeUnit.SECONDS);
  }

  private static List<CompletableFuture<HttpResponse<String>>> send(String url, int count) {
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
      responses.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    return responses;
  }

  // ------------------------------------------------------------------ Kafka and the index

  private static void createTopicWithEvents(String topic, int count) throws Exception {
    try (AdminClient admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
    }
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            20);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      Instant now = Instant.now();
      for (int i = 0; i < count; i++) {
        String id = "graceful-" + i;
        ProductChangedV1 product =
            new ProductChangedV1(
                id,
                1,
                "graceful-vendor",
                ProductChangedV1.Status.PUBLISHED,
                "Graceful lamp " + i,
                "A lamp that waits for its turn.",
                "Lumen",
                null,
                Map.of("material", "brass"),
                List.of(new ProductChangedV1.Variant("GL-" + i, Map.of(), 1000L + i, "EUR")),
                List.of(),
                now,
                now);
        producer.send(
            new ProducerRecord<>(
                topic, id, EventJson.write(EventEnvelope.of("test", now, null, product))));
      }
      producer.flush();
    }
  }

  private static AdminClient admin() {
    return AdminClient.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
  }

  /** The consumer group's committed offsets of the topic's partitions. */
  private static Map<TopicPartition, Long> committedOffsets(String topic) throws Exception {
    try (AdminClient admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> committed = new HashMap<>();
      offsets.forEach(
          (partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
              committed.put(partition, offset.offset());
            }
          });
      // The offsets never run ahead of the log.
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach(
              (partition, end) ->
                  assertThat(committed.get(partition))
                      .as("committed offset of %s", partition)
                      .isLessThanOrEqualTo(end.offset()));
      return committed;
    }
  }

  private static long committed(String topic) throws Exception {
    return committedOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Products in the index, read from the engine directly (not through the delaying proxy). */
  private static long indexed(String alias) throws Exception {
    String engine = stack.searchEngineUrl();
    HTTP.send(
        HttpRequest.newBuilder(URI.create(engine + "/" + alias + "/_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> count =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(engine + "/" + alias + "/_count")).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher value = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(count.body());
    assertThat(value.find()).as(count.body()).isTrue();
    return Long.parseLong(value.group(1));
  }

  /**
   * Where the consumer started reading each partition, from the Kafka client's own log line
   * ("Setting offset for partition t-0 to the committed offset FetchPosition{offset=1000, ...").
   */
  private static Map<TopicPartition, Long> resumedAt(Path log, String topic) throws IOException {
    Pattern resumed =
        Pattern.compile(
            "Setting offset for partition "
                + Pattern.quote(topic)
                + "-(\\d+) to the committed offset FetchPosition\\{offset=(\\d+)");
    Map<TopicPartition, Long> positions = new HashMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = resumed.matcher(line);
      if (m.find()) {
        positions.put(
            new TopicPartition(topic, Integer.parseInt(m.group(1))), Long.valueOf(m.group(2)));
      }
    }
    return positions;
  }

  /**
   * Records the service's consumers fetched (Kafka's records-consumed-total, summed over the
   * listener's consumers, which read only this test's topic).
   */
  private static long recordsConsumed(ServiceProcess service) throws Exception {
    HttpResponse<String> scrape =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(service.url() + "/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString());
    double total = 0;
    for (String line : scrape.body().lines().toList()) {
      if (line.startsWith("kafka_consumer_fetch_manager_records_consumed_total{")) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Math.round(total);
  }

  // ------------------------------------------------------------------ slow dependencies

  /**
   * An HTTP proxy in front of the search engine that can hold searches and bulk writes, counting
   * those in flight.
   */
  static final class DelayingProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED =
        Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final String target;
    private final HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger bulks = new AtomicInteger();
    private volatile Duration searchDelay = Duration.ZERO;
    private volatile Duration bulkDelay = Duration.ZERO;

    private DelayingProxy(HttpServer server, String target) {
      this.server = server;
      this.target = target;
    }

    static DelayingProxy start(String target) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
      DelayingProxy proxy = new DelayingProxy(server, target);
      server.createContext("/", proxy::forward);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return proxy;
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void delaySearches(Duration delay) {
      searchDelay = delay;
    }

    void delayBulk(Duration delay) {
      bulkDelay = delay;
    }

    int searchesInFlight() {
      return searches.get();
    }

    int bulksInFlight() {
      return bulks.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
      String path = exchange.getRequestURI().getRawPath();
      AtomicInteger counter =
          path.endsWith("/_search") ? searches : path.endsWith("/_bulk") ? bulks : null;
      Duration delay =
          counter == searches ? searchDelay : counter == bulks ? bulkDelay : Duration.ZERO;
      if (counter != null) {
        counter.incrementAndGet();
      }
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Thread.sleep(delay);
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(
                    exchange.getRequestMethod(),
                    body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange
            .getRequestHeaders()
            .forEach(
                (name, values) -> {
                  if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                  }
                });
        HttpResponse<byte[]> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response
            .headers()
            .map()
            .forEach(
                (name, values) -> {
                  if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))
                      && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                  }
                });
        byte[] answer = response.body();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(
            response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
        if (!head) {
          exchange.getResponseBody().write(answer);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (counter != null) {
          counter.decrementAndGet();
        }
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** An upstream service whose every answer takes a while; counts the requests it holds. */
  static final class SlowUpstream implements AutoCloseable {

    static final String BODY = "{\"id\":\"slow-product\",\"name\":\"A slow lamp\"}";

    private final HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();

    private SlowUpstream(HttpServer server) {
      this.server = server;
    }

    static SlowUpstream start(Duration delay) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
      SlowUpstream upstream = new SlowUpstream(server);
      server.createContext(
          "/",
          exchange -> {
            upstream.inFlight.incrementAndGet();
            try (exchange) {
              exchange.getRequestBody().readAllBytes();
              Thread.sleep(delay);
              byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } finally {
              upstream.inFlight.decrementAndGet();
            }
          });
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return upstream;
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int inFlight() {
      return inFlight.get();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
