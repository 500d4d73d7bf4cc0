package dev.marketplace.gateway.security;

import dev.marketplace.gateway.errors.Problem;
import dev.marketplace.gateway.errors.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem+json, with the Bearer challenge a client library expects; the same answers
 * the services give (platform-starter's {@code ProblemSecurityHandlers}).
 */
@Component
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  private final ProblemWriter writer;

  SecurityProblems(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
    boolean tokenSent =
        exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    exchange
        .getResponse()
        .getHeaders()
        .set(
            HttpHeaders.WWW_AUTHENTICATE,
            tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"marketplace\"");
    return writer.write(
        exchange,
        Problem.unauthorized(
            tokenSent
                ? "The access token is invalid or expired."
                : "This endpoint needs an access token (Authorization: Bearer ...)."));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return writer.write(exchange, Problem.forbidden());
  }
}
