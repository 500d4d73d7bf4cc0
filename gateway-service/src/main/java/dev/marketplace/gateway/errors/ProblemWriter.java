package dev.marketplace.gateway.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem as {@code application/problem+json}, keeping headers already set (Retry-After,
 * WWW-Authenticate, CORS and security headers).
 */
@Component
public class ProblemWriter {

  private final JsonMapper json;

  public ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(problem.status());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] body = json.writeValueAsBytes(fields(problem, exchange.getRequest().getPath().value()));
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  /** The problem as a body, where there is no exchange (below Spring, in Netty's pipeline). */
  public byte[] body(Problem problem) {
    return json.writeValueAsBytes(fields(problem, null));
  }

  private static Map<String, Object> fields(Problem problem, @Nullable String instance) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("type", problem.type().toString());
    fields.put("title", problem.title());
    fields.put("status", problem.status().value());
    fields.put("detail", problem.detail());
    if (instance != null) {
      fields.put("instance", instance);
    }
    return fields;
  }
}
