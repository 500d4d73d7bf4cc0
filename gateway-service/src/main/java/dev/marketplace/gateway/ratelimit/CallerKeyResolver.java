package dev.marketplace.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whose bucket a request takes from: the token's subject when it carries a valid token (a user, or
 * an API client under client credentials, whose subject is its client id), otherwise the client's
 * IP as {@link dev.marketplace.gateway.web.ClientOriginFilter} established it. The prefixes keep a
 * subject that looks like an IP from sharing an anonymous bucket.
 */
@Component
public class CallerKeyResolver implements KeyResolver {

  @Override
  public Mono<String> resolve(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(principal -> "sub:" + principal.getName())
        .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientIp(exchange)));
  }

  private static String clientIp(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() != null
        ? remote.getAddress().getHostAddress()
        : remote.getHostString();
  }
}
