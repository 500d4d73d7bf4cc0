package dev.marketplace.localstack.benchmark;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Recorded durations and their percentiles. Thread-safe for concurrent recording. */
final class Latencies {

  private final long[] nanos;
  private final AtomicInteger count = new AtomicInteger();

  Latencies(int capacity) {
    this.nanos = new long[capacity];
  }

  void record(long durationNanos) {
    int i = count.getAndIncrement();
    if (i < nanos.length) {
      nanos[i] = durationNanos;
    }
  }

  int count() {
    return Math.min(count.get(), nanos.length);
  }

  double percentileMillis(double p) {
    long[] sorted = Arrays.copyOf(nanos, count());
    if (sorted.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
  }
}
