package dev.marketplace.gateway.routing;

import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway alone answers CORS (one origin list, one place). A service that adds its own {@code
 * Access-Control-*} headers would double the gateway's, and browsers reject a doubled {@code
 * Access-Control-Allow-Origin}; so they are dropped from upstream responses.
 */
@Component
class UpstreamCorsHeaders implements HttpHeadersFilter {

  @Override
  public boolean supports(Type type) {
    return type == Type.RESPONSE;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders headers = HttpHeaders.copyOf(input);
    input.headerNames().stream()
        .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
        .forEach(headers::remove);
    return headers;
  }
}
