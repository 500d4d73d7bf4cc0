package dev.marketplace.gateway.web;

import dev.marketplace.gateway.config.GatewayProperties;
import dev.marketplace.gateway.errors.BodyReadTimeoutException;
import dev.marketplace.gateway.errors.PayloadTooLargeException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
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
 * declare none). A body that stops arriving for {@code marketplace.gateway.body-read-timeout} (a
 * client that sent less than its Content-Length) fails with 408 rather than holding the call until
 * the service's timeout. It runs after Spring Security, so an anonymous upload to a protected path
 * gets 401 without its body being looked at, and every 413 carries the CORS and security headers.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

  /** Spring Security's filter chain runs at -100. */
  static final int ORDER = -90;

  private final long maxBytes;
  private final Duration readTimeout;

  public BodySizeLimitFilter(
      GatewayProperties properties,
      @Value("${marketplace.gateway.body-read-timeout:3s}") Duration readTimeout) {
    this.maxBytes = properties.maxBodySize().toBytes();
    this.readTimeout = readTimeout;
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
    return chain.filter(
        exchange.mutate().request(new CountingRequest(request, maxBytes, readTimeout)).build());
  }

  private static final class CountingRequest extends ServerHttpRequestDecorator {

    private final long maxBytes;
    private final Duration readTimeout;

    CountingRequest(ServerHttpRequest delegate, long maxBytes, Duration readTimeout) {
      super(delegate);
      this.maxBytes = maxBytes;
      this.readTimeout = readTimeout;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      AtomicLong seen = new AtomicLong();
      return super.getBody()
          .timeout(readTimeout, Flux.error(() -> new BodyReadTimeoutException(readTimeout)))
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
