package dev.marketplace.search.index;

import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.catalog.ProductChangedV1.Status;
import dev.marketplace.events.catalog.ProductChangedV1.Variant;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1.Level;
import dev.marketplace.search.SearchIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How fast product and stock events are indexed, on the test servers; it prints figures and checks
 * nothing. Not part of the build (its name is no {@code *IT}); run it with {@code ./mvnw verify -pl
 * search-service -Dit.test=IndexingBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the {@code BENCH} lines in {@code
 * target/failsafe-reports/dev.marketplace.search.index.IndexingBenchmark-output.txt}. Figures:
 * {@code docs/benchmarks.md}.
 */
class IndexingBenchmark extends SearchIntegrationTest {

  private static final int BATCH = 500;

  @Autowired ProductIndex index;
  @Autowired StockIndex stockIndex;

  private final int products = Integer.getInteger("benchmark.products", 20_000);

  @Test
  void measure() throws Exception {
    bulk("warm-up", products(4_000, "warm"));
    for (int round = 1; round <= 2; round++) {
      List<ProductChangedV1> few = products(300, "single" + round);
      oneAtATime("single create r" + round, few);
      oneAtATime("single update r" + round, revision(few, 2));
    }
    for (int round = 1; round <= 2; round++) {
      List<ProductChangedV1> created = products(products, "bulk" + round);
      bulk("bulk create r" + round, created);
      bulk("bulk update r" + round, revision(created, 2));
      bulk("bulk stale r" + round, revision(created, 1));
    }
    for (int round = 1; round <= 2; round++) {
      List<ProductChangedV1> created = products(products, "kafka" + round);
      throughKafka("kafka products r" + round, created, "");
      if (round == 2) {
        stockThroughKafka(created);
      }
    }
    List<ProductChangedV1> stocked = products(products, "stocked");
    stockedAlready(stocked);
    throughKafka("kafka products whose SKUs have stock already", stocked, "&inStock=true");
  }

  /** Batches of 500, as the listener gets them under load. */
  private void bulk(String label, List<ProductChangedV1> batch) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < batch.size(); i += BATCH) {
      index.upsert(index.alias(), batch.subList(i, Math.min(batch.size(), i + BATCH)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    print(
        "%s: %d products in %.1f s: %.0f products/s",
        label, batch.size(), seconds, rate(batch.size(), seconds));
  }

  /** One product per call, as the listener gets them when catalog changes trickle in. */
  private void oneAtATime(String label, List<ProductChangedV1> batch) throws Exception {
    long[] nanos = new long[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      long start = System.nanoTime();
      index.upsert(index.alias(), List.of(batch.get(i)));
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    print(
        "%s: %d calls, p50 %.1f ms, p90 %.1f ms",
        label, nanos.length, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6);
  }

  /** Published as catalog-service publishes them; timed until every one is searchable. */
  private void throughKafka(String label, List<ProductChangedV1> batch, String filter) {
    String tag = batch.getFirst().attributes().get("tag");
    long start = System.nanoTime();
    for (ProductChangedV1 product : batch) {
      kafka.send(
          topics.name(Topics.CATALOG_PRODUCTS),
          product.productId(),
          EventJson.write(EventEnvelope.of("benchmark", Instant.now(), null, product)));
    }
    kafka.flush();
    awaitTotal(tag, filter, batch.size());
    double seconds = (System.nanoTime() - start) / 1e9;
    print(
        "%s: %d products searchable after %.1f s: %.0f products/s",
        label, batch.size(), seconds, rate(batch.size(), seconds));
  }

  /**
   * An availability event for each SKU (two per product), timed until every product is in stock.
   */
  private void stockThroughKafka(List<ProductChangedV1> batch) {
    String tag = batch.getFirst().attributes().get("tag");
    long start = System.nanoTime();
    int events = 0;
    for (ProductChangedV1 product : batch) {
      for (Variant variant : product.variants()) {
        var availability =
            new StockAvailabilityChangedV1(variant.sku(), product.vendorId(), 3, Level.IN_STOCK, 1);
        kafka.send(
            topics.name(Topics.INVENTORY_AVAILABILITY),
            availability.key(),
            EventJson.write(EventEnvelope.of("benchmark", Instant.now(), null, availability)));
        events++;
      }
    }
    kafka.flush();
    awaitTotal(tag, "&inStock=true", batch.size());
    double seconds = (System.nanoTime() - start) / 1e9;
    print(
        "kafka availability: %d events applied after %.1f s: %.0f events/s",
        events, seconds, rate(events, seconds));
  }

  /** Stock for every SKU of the products, stored before they are indexed. */
  private void stockedAlready(List<ProductChangedV1> batch) throws Exception {
    List<StockDocument> stock = new ArrayList<>();
    for (ProductChangedV1 product : batch) {
      for (Variant variant : product.variants()) {
        stock.add(
            new StockDocument(product.vendorId(), variant.sku(), 5, "IN_STOCK", 1, Instant.now()));
      }
      if (stock.size() >= 2 * BATCH) {
        stockIndex.write(stock);
        stock.clear();
      }
    }
    stockIndex.write(stock);
  }

  private void awaitTotal(String tag, String filter, long expected) {
    await()
        .pollInterval(Duration.ofMillis(50))
        .atMost(Duration.ofMinutes(5))
        .until(
            () ->
                api()
                        .get("/api/v1/search/products?attr.tag=" + tag + filter)
                        .json()
                        .path("totalItems")
                        .asLong()
                    == expected);
  }

  private static double rate(long count, double seconds) {
    return count / seconds;
  }

  private static void print(String format, Object... args) {
    System.out.println("BENCH " + String.format(format, args));
  }

  private static List<ProductChangedV1> revision(List<ProductChangedV1> batch, long version) {
    return batch.stream()
        .map(
            p ->
                new ProductChangedV1(
                    p.productId(),
                    version,
                    p.vendorId(),
                    p.status(),
                    p.name() + " rev " + version,
                    p.description(),
                    p.brand(),
                    p.categoryId(),
                    p.attributes(),
                    p.variants(),
                    p.mediaUrls(),
                    p.createdAt(),
                    p.updatedAt()))
        .toList();
  }

  /** Products of 50 vendors, two variants each, tagged so searches count one set. */
  private static List<ProductChangedV1> products(int count, String set) {
    String tag = set + UUID.randomUUID().toString().substring(0, 6);
    Instant created = Instant.parse("2026-01-01T00:00:00Z");
    List<ProductChangedV1> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      batch.add(
          new ProductChangedV1(
              id,
              1,
              "benchmark-vendor-" + (i % 50),
              Status.PUBLISHED,
              "Benchmark lamp " + i + " oak brass",
              "A lamp for benchmarks, number " + i,
              "Brand" + (i % 20),
              "category" + (i % 10),
              Map.of("tag", tag, "material", i % 2 == 0 ? "oak" : "brass"),
              List.of(
                  new Variant(tag + "-" + i + "-A", Map.of("colour", "red"), 1000 + i, "EUR"),
                  new Variant(tag + "-" + i + "-B", Map.of("colour", "blue"), 1100 + i, "EUR")),
              List.of("https://cdn.example.com/" + id + ".jpg"),
              created,
              created));
    }
    return batch;
  }
}
