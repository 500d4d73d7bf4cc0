package dev.marketplace.gateway.errors;

import java.util.LinkedHashMap;
import java.util.Map;
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
    byte[] body = json.writeValueAsBytes(fields(exchange, problem));
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  private static Map<String, Object> fields(ServerWebExchange exchange, Problem problem) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("type", problem.type().toString());
    fields.put("title", problem.title());
    fields.put("status", problem.status().value());
    fields.put("detail", problem.detail());
    fields.put("instance", exchange.getRequest().getPath().value());
    return fields;
  }
}
