package dev.marketplace.platform;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * The W3C {@code traceparent} of the current span, stamped into event envelopes so a consumer's
 * work joins the trace of the request that caused the event, even when the event is published later
 * by a relay.
 */
public class TraceContext {

  private final @Nullable Tracer tracer;

  public TraceContext(@Nullable Tracer tracer) {
    this.tracer = tracer;
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
}
