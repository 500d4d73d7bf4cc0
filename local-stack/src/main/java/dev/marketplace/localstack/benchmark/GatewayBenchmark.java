package dev.marketplace.localstack.benchmark;

import dev.marketplace.localstack.DemoData;
import dev.marketplace.localstack.Identities;
import dev.marketplace.localstack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./mvnw -Pbenchmark-gateway -DskipTests verify}. On the local stack:
 *
 * <ol>
 *   <li>the same authenticated request (a vendor listing its products, 20 per page) through the
 *       gateway and straight to catalog-service, one client, p50/p99 each and their ratio;
 *   <li>rate-limiter throughput: {@code clients} clients call a public route through the gateway as
 *       fast as they can; every call costs one limiter decision in Redis, allowed or refused.
 * </ol>
 *
 * Settings: {@code benchmark.requests} (default 3,000), {@code benchmark.clients} (default 8).
 */
public final class GatewayBenchmark {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private GatewayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int requests = Integer.getInteger("benchmark.requests", 3_000);
    int clients = Integer.getInteger("benchmark.clients", 8);
    System.out.printf(
        "machine: %d cores, JDK %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    // One token (one address) makes every request: lift the limits, or refusals would be measured
    // instead of latency. The limiter still runs its Redis script on every request.
    System.setProperty(
        "marketplace.local-stack.service-properties",
        "marketplace.gateway.rate-limits.api.replenish-rate=1000000,"
            + "marketplace.gateway.rate-limits.api.burst-capacity=1000000,"
            + "marketplace.gateway.rate-limits.public.replenish-rate=1000000,"
            + "marketplace.gateway.rate-limits.public.burst-capacity=1000000,"
            + System.getProperty("benchmark.service-properties", "").replace(";", ","));
    try (LocalStack stack = LocalStack.start(LocalStack.Ports.free(), "512m")) {
      Identities identities = stack.identities();
      DemoData.createCategories(stack.catalogUrl(), identities.adminToken());
      Identities.Vendor vendor =
          identities.onboardVendor("Gateway bench", "gateway-bench@demo.marketplace.dev");
      String token = identities.vendorToken(vendor);
      for (int n = 0; n < 40; n++) {
        send(stack.catalogUrl(), "/api/v1/vendor/products", token, DemoData.product(n));
      }
      String path = "/api/v1/vendor/products?size=20";
      // Warm both paths: JIT, connection pools, the gateway's JWK Set cache.
      time(stack.gatewayUrl() + path, token, requests);
      time(stack.catalogUrl() + path, token, requests);
      Latencies viaGateway = time(stack.gatewayUrl() + path, token, requests);
      Latencies direct = time(stack.catalogUrl() + path, token, requests);
      // Where the difference goes: the same call with a one-product page (does it grow with the
      // body?), and a public read without a token (the JWT's share).
      String small = "/api/v1/vendor/products?size=1";
      Latencies smallViaGateway = time(stack.gatewayUrl() + small, token, requests);
      Latencies smallDirect = time(stack.catalogUrl() + small, token, requests);
      String anonymous = "/api/v1/categories";
      Latencies anonymousViaGateway = time(stack.gatewayUrl() + anonymous, null, requests);
      Latencies anonymousDirect = time(stack.catalogUrl() + anonymous, null, requests);

      int[] outcomes = limiterThroughput(stack.gatewayUrl() + "/api/v1/categories", clients, 10);
      System.out.println();
      System.out.println("==== results ====");
      System.out.printf(
          "through the gateway: p50 %.2f ms, p99 %.2f ms (%,d requests, 1 client)%n",
          viaGateway.percentileMillis(50), viaGateway.percentileMillis(99), viaGateway.count());
      System.out.printf(
          "straight to catalog: p50 %.2f ms, p99 %.2f ms%n",
          direct.percentileMillis(50), direct.percentileMillis(99));
      System.out.printf(
          "gateway p50 / direct p50: %.2fx (target <= 1.2x)%n",
          viaGateway.percentileMillis(50) / direct.percentileMillis(50));
      System.out.printf(
          "one-product page: gateway p50 %.2f ms, direct p50 %.2f ms (%.2fx)%n",
          smallViaGateway.percentileMillis(50),
          smallDirect.percentileMillis(50),
          smallViaGateway.percentileMillis(50) / smallDirect.percentileMillis(50));
      System.out.printf(
          "public read, no token: gateway p50 %.2f ms, direct p50 %.2f ms (%.2fx)%n",
          anonymousViaGateway.percentileMillis(50),
          anonymousDirect.percentileMillis(50),
          anonymousViaGateway.percentileMillis(50) / anonymousDirect.percentileMillis(50));
      System.out.printf(
          "rate limiter: %,d decisions/s with %d clients (%,d allowed, %,d refused with 429)%n",
          (outcomes[0] + outcomes[1]) / 10, clients, outcomes[0], outcomes[1]);
    }
  }

  private static Latencies time(String url, @Nullable String token, int requests) throws Exception {
    Latencies latencies = new Latencies(requests);
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    HttpRequest request = builder.build();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      latencies.record(System.nanoTime() - start);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
    }
    return latencies;
  }

  /** Calls {@code url} from {@code clients} threads for {@code seconds}; counts 200s and 429s. */
  private static int[] limiterThroughput(String url, int clients, int seconds) throws Exception {
    AtomicInteger allowed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        pool.submit(
            () -> {
              while (System.nanoTime() < end) {
                int status =
                    HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                (status == 429 ? refused : allowed).incrementAndGet();
              }
              return null;
            });
      }
    }
    return new int[] {allowed.get(), refused.get()};
  }

  private static void send(String base, String path, String token, Object body) throws Exception {
    var json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
    HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
