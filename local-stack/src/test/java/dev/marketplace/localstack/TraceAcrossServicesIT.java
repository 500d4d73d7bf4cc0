package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace id from the caller through gateway → catalog-service → Kafka → search-service: a
 * vendor's product create is sent through the gateway with a W3C {@code traceparent} chosen here,
 * and each hop is looked for in what that hop itself records.
 *
 * <ul>
 *   <li>gateway: its answer's {@code X-Correlation-Id}, the trace id of its server span;
 *   <li>catalog-service: the exemplar its latency histogram keeps for that request (the trace id of
 *       the span the request was handled in, from {@code /actuator/prometheus} in OpenMetrics
 *       form), and the {@code traceparent} it stamped into the event envelope while handling it;
 *   <li>Kafka: the record's {@code traceparent} header, written by the producer span of catalog's
 *       outbox relay, which sends in the trace of the request although on a thread of its own;
 *   <li>search-service: the exemplar of its indexing-freshness histogram, recorded in the span in
 *       which it indexed the product (a child of the envelope's trace).
 * </ul>
 */
class TraceAcrossServicesIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0";

  /** catalog-service's latency histogram of product creates (its exemplars name their traces). */
  private static final String CREATES = "http_server_requests_seconds_bucket";

  /** search-service's histogram of change-to-indexed times (one sample per indexed event). */
  private static final String INDEXED = "search_index_freshness_seconds_bucket";

  private static final String[] CREATE_LABELS = {
    "method=\"POST\"", "uri=\"/api/v1/vendor/products\"", "status=\"201\""
  };

  /**
   * A histogram bucket replaces its exemplar only when the one it holds is older than this
   * (Prometheus client's minimum retention, 7 s, plus margin).
   */
  private static final Duration EXEMPLAR_RETENTION = Duration.ofSeconds(8);

  private static LocalStack stack;
  private static String traceId;
  private static String callerSpanId;
  private static ApiClient.Response created;
  private static String productId;

  @BeforeAll
  static void createAProductThroughTheGatewayInATraceOfOurOwn() {
    stack = SharedStack.get();
    Identities identities = stack.identities();
    Identities.Vendor vendor =
        identities.onboardVendor(
            "Trace vendor", "trace-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.dev");
    String token = identities.vendorToken(vendor);

    traceId = randomHex(16);
    callerSpanId = randomHex(8);
    // Earlier tests created products moments ago; wait until their exemplars may be replaced.
    await()
        .atMost(EXEMPLAR_RETENTION.plusSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                newestExemplarAge(openMetrics(stack.catalogUrl()), CREATES, CREATE_LABELS)
                            .compareTo(EXEMPLAR_RETENTION)
                        >= 0
                    && newestExemplarAge(openMetrics(stack.searchUrl()), INDEXED)
                            .compareTo(EXEMPLAR_RETENTION)
                        >= 0);
    Map<String, Object> product = DemoData.product(11);
    product.put("categoryId", null);
    product.put("name", "Traced lamp " + traceId.substring(0, 8));
    created =
        ApiClient.at(stack.gatewayUrl())
            .withToken(token)
            .withHeader("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
            .post("/api/v1/vendor/products", product);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    productId = created.json().path("id").asString();
  }

  @Test
  void theGatewayHandlesTheRequestInTheCallersTrace() {
    assertThat(created.header("X-Correlation-Id")).isEqualTo(traceId);
  }

  @Test
  void catalogServiceHandlesTheRequestInTheTrace() {
    // Each histogram bucket keeps the trace of a recent request that fell into it.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        exemplarTraceIds(openMetrics(stack.catalogUrl()), CREATES, CREATE_LABELS))
                    .contains(traceId));
  }

  @Test
  void theEventEnvelopeCarriesTheTraceOfTheRequest() {
    String traceparent = EventJson.read(productEvent().value()).traceparent();
    assertThat(traceparent).isNotNull();
    String[] parts = traceparent.split("-");
    assertThat(parts[1]).as("trace id in %s", traceparent).isEqualTo(traceId);
    // catalog-service's own span (a descendant of the gateway's), not the caller's.
    assertThat(parts[2]).as("span id in %s", traceparent).isNotEqualTo(callerSpanId);
  }

  @Test
  void theKafkaRecordCarriesTheTraceInItsHeaders() {
    Header header = productEvent().headers().lastHeader("traceparent");
    assertThat(header).as("traceparent header").isNotNull();
    String traceparent = new String(header.value(), StandardCharsets.UTF_8);
    assertThat(traceparent.split("-")[1]).as("trace id in %s", traceparent).isEqualTo(traceId);
  }

  @Test
  void searchServiceIndexesTheProductInTheTrace() {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(exemplarTraceIds(openMetrics(stack.searchUrl()), INDEXED))
                    .contains(traceId));
  }

  // ------------------------------------------------------------------ helpers

  private static ConsumerRecord<String, String> productEvent() {
    try (TopicReader reader =
        new TopicReader(stack.kafkaBootstrapServers(), Topics.CATALOG_PRODUCTS)) {
      return reader
          .readUntil(
              records -> records.stream().anyMatch(r -> productId.equals(r.key())),
              Duration.ofSeconds(30))
          .stream()
          .filter(r -> productId.equals(r.key()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no event of product " + productId));
    }
  }

  private static String openMetrics(String serviceUrl) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus"))
                  .header("Accept", OPEN_METRICS)
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Trace ids of the exemplars on the lines of {@code metric} that carry every given label. */
  static List<String> exemplarTraceIds(String exposition, String metric, String... labels) {
    Pattern exemplar = Pattern.compile("#\\s*\\{[^}]*trace_id=\"([0-9a-f]{32})\"");
    return exposition
        .lines()
        .filter(l -> l.startsWith(metric + "{"))
        .filter(l -> List.of(labels).stream().allMatch(l::contains))
        .map(exemplar::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }

  /**
   * How long ago the newest exemplar on those lines was recorded (OpenMetrics: {@code # {labels}
   * value timestamp}); "forever" if there is none.
   */
  static Duration newestExemplarAge(String exposition, String metric, String... labels) {
    Pattern exemplar = Pattern.compile("#\\s*\\{[^}]*}\\s+\\S+\\s+(\\d+(?:\\.\\d+)?)");
    double newest =
        exposition
            .lines()
            .filter(l -> l.startsWith(metric + "{"))
            .filter(l -> List.of(labels).stream().allMatch(l::contains))
            .map(exemplar::matcher)
            .filter(Matcher::find)
            .mapToDouble(m -> Double.parseDouble(m.group(1)))
            .max()
            .orElse(0);
    return Duration.ofMillis(System.currentTimeMillis() - Math.round(newest * 1000));
  }

  private static String randomHex(int bytes) {
    byte[] raw = new byte[bytes];
    new SecureRandom().nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }
}
