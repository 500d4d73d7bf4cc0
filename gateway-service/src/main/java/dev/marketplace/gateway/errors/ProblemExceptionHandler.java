package dev.marketplace.gateway.errors;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every error that reaches the top (failed upstream calls, rate limits, body limits, unknown
 * paths) into problem+json, ahead of Spring Boot's own handler (order -1), whose HTML/JSON error
 * bodies have no stable type.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final ProblemWriter writer;

  public ProblemExceptionHandler(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      // Too late for a problem body (the upstream's answer is partly sent): the connection is
      // closed, which the client sees as a cut-off response.
      return Mono.error(error);
    }
    Problem problem = ErrorProblems.of(error);
    logged(exchange, problem, error);
    dropUpstreamHeaders(exchange);
    return writer.write(exchange, problem);
  }

  /** Headers the upstream sent before failing (length, encoding) do not describe our body. */
  private static void dropUpstreamHeaders(ServerWebExchange exchange) {
    Set<String> upstream = exchange.getAttribute(CLIENT_RESPONSE_HEADER_NAMES);
    if (upstream != null) {
      upstream.forEach(exchange.getResponse().getHeaders()::remove);
    }
  }

  private static void logged(ServerWebExchange exchange, Problem problem, Throwable error) {
    String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
    if (ErrorProblems.isInternal(problem)) {
      log.error("{} failed", request, error);
    } else if (problem.status().is5xxServerError() && !ErrorProblems.isCircuitOpen(error)) {
      log.warn("{} -> {}: {}", request, problem.status().value(), error.toString());
    } else {
      log.debug("{} -> {}: {}", request, problem.status().value(), error.toString());
    }
  }
}
