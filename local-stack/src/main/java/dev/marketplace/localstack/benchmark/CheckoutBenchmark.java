package dev.marketplace.localstack.benchmark;

import dev.marketplace.localstack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./mvnw -Pbenchmark-checkout -DskipTests verify}. On the local stack with every service:
 *
 * <ol>
 *   <li>seeds a vendor with {@code products} products in stock and {@code shoppers} signed-in
 *       shoppers with an approving test card, all through the gateway;
 *   <li>runs {@code pgbench -N} on the services' PostgreSQL server with the stack idle: the
 *       reference, whose transactions a second divided by 20 is the checkout target;
 *   <li>runs checkouts in at {@code run-in-rate} for {@code run-in-seconds}, not counted;
 *   <li>offers checkouts at rates that double from {@code step-start} (default: the target / 32)
 *       towards the target while the stack keeps up (every order confirmed, as fast as offered;
 *       latency is reported, not required), {@code step-seconds} each, {@code steps} at most: where
 *       its throughput limit lies;
 *   <li>offers checkouts at the target rate, open loop, for {@code warmup-seconds} then {@code
 *       seconds} measured, and reports confirmed orders a second and placed→confirmed p50/p99.
 * </ol>
 *
 * Settings: system properties {@code benchmark.products}, {@code benchmark.shoppers}, {@code
 * benchmark.rate} (instead of pgbench's / 20), {@code benchmark.warmup-seconds}, {@code
 * benchmark.seconds}, {@code benchmark.run-in-rate}, {@code benchmark.run-in-seconds}, {@code
 * benchmark.step-start}, {@code benchmark.step-seconds}, {@code benchmark.steps}, {@code
 * benchmark.settle-seconds}, {@code benchmark.drain-seconds}, {@code benchmark.pgbench-clients},
 * {@code benchmark.pgbench-seconds}, {@code benchmark.pgbench}.
 */
public final class CheckoutBenchmark {

  /** Issue 4: confirmed orders a second at least this share of pgbench's transactions a second. */
  private static final double SHARE_OF_PGBENCH = 1.0 / 20;

  private final CheckoutLoad load;
  private final ProcessCpu cpu;
  private final OrderOutcomes orders;
  private final Duration settle;
  private final Duration drain;

  private CheckoutBenchmark(LocalStack stack, CheckoutShop shop, Duration settle, Duration drain) {
    this.load = new CheckoutLoad(shop);
    this.cpu = new ProcessCpu(stack);
    this.orders = new OrderOutcomes(stack);
    this.settle = settle;
    this.drain = drain;
  }

  public static void main(String[] args) throws Exception {
    int products = Integer.getInteger("benchmark.products", 10);
    int shoppers = Integer.getInteger("benchmark.shoppers", 200);
    Duration warmUp = Duration.ofSeconds(Integer.getInteger("benchmark.warmup-seconds", 15));
    Duration measured = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 60));
    Duration step = Duration.ofSeconds(Integer.getInteger("benchmark.step-seconds", 20));
    int steps = Integer.getInteger("benchmark.steps", 6);
    Duration runIn = Duration.ofSeconds(Integer.getInteger("benchmark.run-in-seconds", 45));
    double runInRate = Double.parseDouble(System.getProperty("benchmark.run-in-rate", "5"));
    Duration settle = Duration.ofSeconds(Integer.getInteger("benchmark.settle-seconds", 30));
    Duration drain = Duration.ofSeconds(Integer.getInteger("benchmark.drain-seconds", 60));
    // 4 clients on 2 pgbench threads: enough to keep both cores busy (a client waits for its
    // backend between statements); more clients only queue for the same two cores.
    int pgbenchClients = Integer.getInteger("benchmark.pgbench-clients", 4);
    int pgbenchSeconds = Integer.getInteger("benchmark.pgbench-seconds", 30);
    String pgbench = System.getProperty("benchmark.pgbench", "/usr/bin/pgbench");
    long started = System.nanoTime();
    System.out.printf(
        "machine: %d cores, JDK %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    try (LocalStack stack = LocalStack.start(LocalStack.Ports.free(), "512m")) {
      System.out.printf("stack up after %.0f s%n", seconds(started));
      CheckoutShop shop = CheckoutShop.open(stack, products, shoppers);
      System.out.printf(
          "seeded %d products with stock and %d shoppers with a card after %.0f s%n",
          products, shoppers, seconds(started));

      Pgbench.Result reference =
          Pgbench.run(
              stack.maintenanceDatabaseUrl(),
              pgbench,
              10,
              pgbenchClients,
              Math.min(2, pgbenchClients),
              pgbenchSeconds);
      double target = reference.tps() * SHARE_OF_PGBENCH;
      System.out.printf(
          "pgbench -N -s 10 -c %d -j %d -T %d: %.0f tx/s (%s) -> target %.1f orders/s%n",
          pgbenchClients,
          Math.min(2, pgbenchClients),
          pgbenchSeconds,
          reference.tps(),
          reference.server(),
          target);
      double rate =
          Double.parseDouble(System.getProperty("benchmark.rate", String.valueOf(target)));
      CheckoutBenchmark benchmark = new CheckoutBenchmark(stack, shop, settle, drain);
      // The checkout path of every service is cold here (interpreted code, the JIT compiling on
      // the same two cores): even 3 checkouts a second then take seconds. A gentle run-in first.
      System.out.println("run-in, not counted:");
      System.out.println(benchmark.at(runInRate, Duration.ZERO, runIn).line());

      // Up to the target from below first: a rate the stack cannot take may leave it unable to
      // take any (see docs/benchmarks.md), so the rate at the target comes last.
      List<CheckoutFigures> stepped = new ArrayList<>();
      double next = Double.parseDouble(System.getProperty("benchmark.step-start", "0"));
      next = next > 0 ? next : rate / 32;
      for (int s = 0; s < steps && next < rate * 0.99; s++, next *= 2) {
        CheckoutFigures figures = benchmark.at(next, Duration.ofSeconds(5), step);
        System.out.println(figures.line());
        stepped.add(figures);
        if (!figures.sustained()) {
          break;
        }
      }
      CheckoutFigures main = benchmark.at(rate, warmUp, measured);
      System.out.println(main.line());

      System.out.println();
      System.out.println("==== results ====");
      report(reference, pgbenchClients, pgbenchSeconds, target, main, warmUp, measured, settle);
      stepped.stream()
          .filter(CheckoutFigures::sustained)
          .reduce((lower, higher) -> higher)
          .ifPresentOrElse(
              best ->
                  row(
                      "highest rate sustained (steps below)",
                      "%.1f orders/s, placed -> confirmed %s"
                          .formatted(best.offered(), millis(best.placedToConfirmed())),
                      "",
                      ""),
              () -> row("highest rate sustained (steps below)", "none of the rates tried", "", ""));
      System.out.printf(
          "%nrates tried before the target (%d s each after 5 s not counted; sustained = every"
              + " checkout made an order, every order confirmed, >= %.0f %% of the offered rate"
              + " confirmed a second), then the target:%n",
          step.toSeconds(), CheckoutFigures.KEPT_UP * 100);
      stepped.forEach(figures -> System.out.println(figures.line()));
      System.out.println(main.line());
      stepped.forEach(
          figures -> System.out.printf("  CPU at %.1f/s: %s%n", figures.offered(), figures.cpu()));
      System.out.printf("%nbenchmark took %.0f s%n", seconds(started));
    }
  }

  /**
   * Offers the rate, waits for the orders to settle, and reads what became of them. Orders still
   * pending then count as such; the next rate starts only once they are done (or {@code drain} has
   * passed), so it does not inherit this one's backlog.
   */
  private CheckoutFigures at(double rate, Duration warmUp, Duration measured) throws Exception {
    System.out.printf(
        "offering %.1f checkouts/s for %d s (the first %d s not counted)...%n",
        rate, warmUp.plus(measured).toSeconds(), warmUp.toSeconds());
    CheckoutLoad.Result result = load.run(rate, warmUp, measured, cpu);
    System.out.printf(
        "  %,d orders placed; checkout request p50 %.0f ms, p99 %.0f ms; failed %s; waited for a"
            + " free shopper %,d%n",
        result.placed().size(),
        result.checkout().percentileMillis(50),
        result.checkout().percentileMillis(99),
        result.failed(),
        result.waitedForShopper());
    CheckoutFigures figures =
        CheckoutFigures.of(rate, result, orders.await(result.placed(), settle));
    if (figures.pending() > 0) {
      long since = System.nanoTime();
      long left =
          orders.await(result.placed(), drain).values().stream().filter(o -> !o.settled()).count();
      System.out.printf(
          "  %,d orders were pending %d s after the last checkout; %s %.0f s later%n",
          figures.pending(),
          settle.toSeconds(),
          left == 0 ? "all settled" : left + " still pending",
          seconds(since));
    }
    return figures;
  }

  private static void report(
      Pgbench.Result reference,
      int clients,
      int seconds,
      double target,
      CheckoutFigures main,
      Duration warmUp,
      Duration measured,
      Duration settle) {
    row("reference", reference.server(), "", "");
    row(
        "pgbench -N -s 10, %d clients, %d s".formatted(clients, seconds),
        "%.0f tx/s".formatted(reference.tps()),
        "",
        "");
    row("target orders/s (pgbench / 20)", "%.1f".formatted(target), "", "");
    row(
        "offered (open loop)",
        "%.1f checkouts/s for %d s after %d s not counted; %,d checkouts waited for a free shopper"
            .formatted(
                main.offered(),
                measured.toSeconds(),
                warmUp.toSeconds(),
                main.load().waitedForShopper()),
        "",
        "");
    row(
        "confirmed orders/s",
        "%.1f".formatted(main.confirmedPerSecond()),
        ">= %.1f".formatted(target),
        main.confirmedPerSecond() >= CheckoutFigures.KEPT_UP * target ? "met" : "**not met**");
    row(
        "placed -> confirmed (%,d orders)".formatted(main.placedToConfirmed().count()),
        millis(main.placedToConfirmed()) + ", max %.0f ms".formatted(max(main.placedToConfirmed())),
        "p99 <= 500 ms",
        main.withinBudget() ? "met" : "**not met**");
    row("  placed -> stock reserved", millis(main.placedToReserved()), "", "");
    row("  stock reserved -> confirmed", millis(main.reservedToConfirmed()), "", "");
    row("checkout sent -> confirmed", millis(main.sentToConfirmed()), "", "");
    row("checkout request (POST /api/v1/orders)", millis(main.load().checkout()), "", "");
    row("cart line (PUT /api/v1/cart/items)", millis(main.load().cartLine()), "", "");
    row(
        "cancelled / still pending after %d s / failed requests".formatted(settle.toSeconds()),
        "%d / %d / %d %s"
            .formatted(
                main.cancelled(),
                main.pending(),
                main.failedRequests(),
                main.load().failed().isEmpty() ? "" : "(by status " + main.load().failed() + ")"),
        "0",
        main.cancelled() + main.pending() + main.failedRequests() == 0 ? "met" : "**not met**");
    row("CPU in the measured window (% of one core)", main.cpu(), "", "");
  }

  private static void row(String what, String figure, String target, String verdict) {
    System.out.printf("| %s | %s | %s | %s |%n", what, figure, target, verdict);
  }

  private static String millis(Latencies latencies) {
    return "p50 %.0f ms, p99 %.0f ms"
        .formatted(latencies.percentileMillis(50), latencies.percentileMillis(99));
  }

  private static double max(Latencies latencies) {
    return latencies.percentileMillis(100);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
