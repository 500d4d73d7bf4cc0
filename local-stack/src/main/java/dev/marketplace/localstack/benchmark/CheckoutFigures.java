package dev.marketplace.localstack.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one run of checkouts at a fixed rate gave.
 *
 * @param confirmedPerSecond orders (warm-up ones too) whose CONFIRMED step falls in the measured
 *     window, divided by its length: what the stack completes, not what it was given
 * @param placedToConfirmed order-service's placedAt to its CONFIRMED step, for the orders sent in
 *     the measured window; {@code placedToReserved} and {@code reservedToConfirmed} split it at the
 *     inventory reply (the AUTHORIZING_PAYMENT step)
 * @param sentToConfirmed the checkout request's sending (client clock) to CONFIRMED (server clock,
 *     same machine): what a shopper waits, gateway and checkout request included
 * @param cancelled orders of the run (warm-up included) that ended CANCELLED
 * @param pending orders still PENDING when the wait for stragglers ended
 */
record CheckoutFigures(
    double offered,
    double confirmedPerSecond,
    Latencies placedToConfirmed,
    Latencies placedToReserved,
    Latencies reservedToConfirmed,
    Latencies sentToConfirmed,
    CheckoutLoad.Result load,
    int cancelled,
    int pending) {

  /** p99 placed→confirmed budget of issue 4. */
  static final double P99_BUDGET_MILLIS = 500;

  /**
   * Confirmations counted in a fixed window wobble by a few orders at its edges, so a rate is taken
   * as kept up with at 98 % of the offered one.
   */
  static final double KEPT_UP = 0.98;

  static CheckoutFigures of(
      double rate, CheckoutLoad.Result load, Map<String, OrderOutcomes.Outcome> outcomes) {
    int capacity = load.placed().size() + 1;
    Latencies placedToConfirmed = new Latencies(capacity);
    Latencies placedToReserved = new Latencies(capacity);
    Latencies reservedToConfirmed = new Latencies(capacity);
    Latencies sentToConfirmed = new Latencies(capacity);
    int confirmedInWindow = 0;
    int cancelled = 0;
    int pending = 0;
    for (CheckoutLoad.Placed placed : load.placed()) {
      OrderOutcomes.Outcome outcome = outcomes.get(placed.orderId());
      if (outcome == null || !outcome.settled()) {
        pending++;
        continue;
      }
      if (outcome.status().equals("CANCELLED")) {
        cancelled++;
      }
      Instant confirmed = outcome.confirmed();
      if (confirmed == null) {
        continue;
      }
      if (!confirmed.isBefore(load.measuredFrom()) && confirmed.isBefore(load.measuredUntil())) {
        confirmedInWindow++;
      }
      if (placed.measured()) {
        placedToConfirmed.record(nanos(outcome.placedAt(), confirmed));
        sentToConfirmed.record(nanos(placed.sentAt(), confirmed));
        if (outcome.reserved() != null) {
          placedToReserved.record(nanos(outcome.placedAt(), outcome.reserved()));
          reservedToConfirmed.record(nanos(outcome.reserved(), confirmed));
        }
      }
    }
    double window = nanos(load.measuredFrom(), load.measuredUntil()) / 1e9;
    return new CheckoutFigures(
        rate,
        confirmedInWindow / window,
        placedToConfirmed,
        placedToReserved,
        reservedToConfirmed,
        sentToConfirmed,
        load,
        cancelled,
        pending);
  }

  int failedRequests() {
    return load.failed().values().stream().mapToInt(Integer::intValue).sum();
  }

  boolean keptUp() {
    return confirmedPerSecond >= KEPT_UP * offered;
  }

  boolean withinBudget() {
    return placedToConfirmed.count() > 0
        && placedToConfirmed.percentileMillis(99) <= P99_BUDGET_MILLIS
        && pending == 0;
  }

  /**
   * The stack kept up: every checkout made an order, every order was confirmed, as fast as offered.
   */
  boolean sustained() {
    return keptUp() && pending == 0 && cancelled == 0 && failedRequests() == 0;
  }

  /** One line per rate, for the table of steps. */
  String line() {
    return String.format(
        "%6.1f/s offered: %6.1f confirmed/s, placed->confirmed p50 %4.0f ms p99 %5.0f ms max %5.0f"
            + " ms, checkout request p50 %4.0f ms p99 %5.0f ms, cancelled %d, pending %d, failed"
            + " %d, waited for a free shopper %d -> %s",
        offered,
        confirmedPerSecond,
        placedToConfirmed.percentileMillis(50),
        placedToConfirmed.percentileMillis(99),
        placedToConfirmed.percentileMillis(100),
        load.checkout().percentileMillis(50),
        load.checkout().percentileMillis(99),
        cancelled,
        pending,
        failedRequests(),
        load.waitedForShopper(),
        !sustained()
            ? "not sustained"
            : withinBudget() ? "sustained, p99 within 500 ms" : "sustained, p99 over 500 ms");
  }

  String cpu() {
    return load.cpu().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> String.format("%s %.0f %%", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static long nanos(Instant from, Instant to) {
    return Duration.between(from, to).toNanos();
  }
}
