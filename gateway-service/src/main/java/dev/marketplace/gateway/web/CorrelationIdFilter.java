package dev.marketplace.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers every request with {@code X-Correlation-Id}: the id of its trace, so the id a client
 * quotes finds the request's logs (ECS {@code trace.id}) and spans in every service it reached. The
 * services themselves receive the trace as W3C {@code traceparent}.
 */
@Component
public class CorrelationIdFilter implements WebFilter, Ordered {

  public static final String HEADER = "X-Correlation-Id";

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = traceId(exchange).orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              // Set just before the headers go out, so an upstream's own value cannot double it.
              exchange.getResponse().getHeaders().set(HEADER, id);
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  private static @Nullable Span span(ServerRequestObservationContext observation) {
    TracingObservationHandler.TracingContext tracing =
        observation.get(TracingObservationHandler.TracingContext.class);
    return tracing == null ? null : tracing.getSpan();
  }

  private static Optional<String> traceId(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(CorrelationIdFilter::span)
        .map(span -> span.context().traceId());
  }
}
