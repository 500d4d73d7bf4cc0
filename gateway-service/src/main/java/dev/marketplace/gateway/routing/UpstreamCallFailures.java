package dev.marketplace.gateway.routing;

import dev.marketplace.gateway.errors.UpstreamCallException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Wraps only the call to the service (the routing filters that run last), so any error out of it is
 * known to be the service's or the network's: a malformed answer surfaces from Netty's decoder as a
 * plain {@code IllegalArgumentException}, which would otherwise look like a gateway bug.
 */
@Component
class UpstreamCallFailures implements GlobalFilter, Ordered {

  @Override
  public int getOrder() {
    return NettyRoutingFilter.ORDER - 2;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return chain
        .filter(exchange)
        .onErrorMap(error -> !(error instanceof UpstreamCallException), UpstreamCallException::new);
  }
}
