package dev.marketplace.gateway.web;

import dev.marketplace.gateway.config.GatewayProperties;
import dev.marketplace.gateway.errors.PayloadTooLargeException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code marketplace.gateway.max-body-size} with 413: at once when the
 * declared length is too large, otherwise while the body streams to the service (chunked uploads
 * declare none). It runs after Spring Security, so an anonymous upload to a protected path gets 401
 * without its body being looked at, and every 413 carries the CORS and security headers.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

  /** Spring Security's filter chain runs at -100. */
  static final int ORDER = -90;

  private final long maxBytes;

  public BodySizeLimitFilter(GatewayProperties properties) {
    this.maxBytes = properties.maxBodySize().toBytes();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (request.getHeaders().getContentLength() > maxBytes) {
      return Mono.error(new PayloadTooLargeException(maxBytes));
    }
    return chain.filter(exchange.mutate().request(new CountingRequest(request, maxBytes)).build());
  }

  private static final class CountingRequest extends ServerHttpRequestDecorator {

    private final long maxBytes;

    CountingRequest(ServerHttpRequest delegate, long maxBytes) {
      super(delegate);
      this.maxBytes = maxBytes;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      AtomicLong seen = new AtomicLong();
      return super.getBody()
          .handle(
              (buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                  DataBufferUtils.release(buffer);
                  sink.error(new PayloadTooLargeException(maxBytes));
                } else {
                  sink.next(buffer);
                }
              });
    }
  }
}
