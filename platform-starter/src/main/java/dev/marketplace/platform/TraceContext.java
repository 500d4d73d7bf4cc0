package dev.marketplace.platform;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across Kafka where the instrumentation cannot: the W3C {@code traceparent} of the
 * current span is stamped into event envelopes, and work done later for an event (a relay sending
 * it from a thread of its own, a batch listener indexing it) continues that trace from the
 * envelope.
 */
public class TraceContext {

  private static final String TRACEPARENT = "traceparent";

  private final @Nullable Tracer tracer;
  private final @Nullable Propagator propagator;

  public TraceContext(@Nullable Tracer tracer, @Nullable Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  public @Nullable String currentTraceparent() {
    Span span = tracer == null ? null : tracer.currentSpan();
    if (span == null) {
      return null;
    }
    var context = span.context();
    String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
    return "00-" + context.traceId() + "-" + context.spanId() + "-" + flags;
  }

  /**
   * Runs {@code work} in a span named {@code name} that is a child of {@code traceparent} (a new
   * trace when it is null or unreadable), so what the work records (logs, metric exemplars, Kafka
   * headers of what it sends) belongs to the trace of the event's origin.
   *
   * @param startedAt when the work really began (e.g. when its batch arrived), or null for now
   */
  public void continueTrace(
      @Nullable String traceparent, String name, @Nullable Instant startedAt, Runnable work) {
    if (tracer == null || propagator == null) {
      work.run();
      return;
    }
    Span.Builder builder =
        traceparent == null
            ? tracer.spanBuilder()
            : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
    builder.name(name);
    if (startedAt != null) {
      builder.startTimestamp(
          TimeUnit.SECONDS.toMicros(startedAt.getEpochSecond()) + startedAt.getNano() / 1000,
          TimeUnit.MICROSECONDS);
    }
    Span span = builder.start();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      work.run();
    } catch (RuntimeException e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }
}
