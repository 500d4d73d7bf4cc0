package dev.marketplace.gateway.web;

import dev.marketplace.gateway.config.GatewayProperties;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Settles, before anything else looks at the request, who the client is and which address it used:
 * the client's IP (rate-limit key, {@code X-Forwarded-For} to the services) and the public scheme,
 * host and port (HSTS, CORS, the {@code X-Forwarded-*} headers the authorization server builds its
 * redirects from).
 *
 * <p>Only the {@code marketplace.gateway.trusted-proxy-count} proxies nearest to the gateway are
 * believed. Each appends to {@code X-Forwarded-For}, so the entry that many places from the right
 * was written by the outermost trusted proxy and is the client; everything left of it may be forged
 * by the client. The same position is read from {@code X-Forwarded-Proto/Host/Port}. With no
 * trusted proxies (clients connect directly) the headers are ignored and the socket address and
 * {@code Host} header count. IPs are taken only as literals: a header never causes a DNS lookup.
 */
@Component
public class ClientOriginFilter implements WebFilter, Ordered {

  private final int trustedProxyCount;

  public ClientOriginFilter(GatewayProperties properties) {
    this.trustedProxyCount = properties.trustedProxyCount();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (trustedProxyCount == 0) {
      return chain.filter(exchange);
    }
    ServerHttpRequest request = exchange.getRequest();
    ServerHttpRequest.Builder mutated = request.mutate();
    InetSocketAddress client = clientAddress(request.getHeaders());
    if (client != null) {
      mutated.remoteAddress(client);
    }
    URI publicUri = publicUri(request);
    if (publicUri != null) {
      mutated.uri(publicUri);
    }
    return chain.filter(exchange.mutate().request(mutated.build()).build());
  }

  private @Nullable InetSocketAddress clientAddress(HttpHeaders headers) {
    String value = trustedEntry(headers, "X-Forwarded-For");
    InetAddress address = value == null ? null : ipLiteral(value);
    return address == null ? null : new InetSocketAddress(address, 0);
  }

  private @Nullable URI publicUri(ServerHttpRequest request) {
    HttpHeaders headers = request.getHeaders();
    String proto = trustedEntry(headers, "X-Forwarded-Proto");
    String host = trustedEntry(headers, "X-Forwarded-Host");
    String port = trustedEntry(headers, "X-Forwarded-Port");
    if (proto == null && host == null && port == null) {
      return null;
    }
    try {
      UriComponentsBuilder uri = UriComponentsBuilder.fromUri(request.getURI());
      if (proto != null) {
        uri.scheme(proto.toLowerCase(Locale.ROOT));
        uri.port(null);
      }
      if (host != null) {
        URI parsed = URI.create("//" + host);
        uri.host(parsed.getHost()).port(parsed.getPort());
      }
      if (port != null) {
        uri.port(Integer.parseInt(port));
      }
      return uri.build(true).toUri();
    } catch (IllegalArgumentException malformed) {
      // A malformed header from a misbehaving proxy: keep what the gateway saw itself.
      return null;
    }
  }

  /** The entry the outermost trusted proxy wrote, or the leftmost if the list is shorter. */
  private @Nullable String trustedEntry(HttpHeaders headers, String name) {
    List<String> entries = new ArrayList<>();
    for (String line : headers.getOrEmpty(name)) {
      for (String entry : line.split(",")) {
        if (!entry.isBlank()) {
          entries.add(entry.trim());
        }
      }
    }
    if (entries.isEmpty()) {
      return null;
    }
    return entries.get(Math.max(0, entries.size() - trustedProxyCount));
  }

  /** {@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code [2001:db8::1]:4711} or {@code ::1}. */
  static @Nullable InetAddress ipLiteral(String value) {
    String ip = value;
    if (ip.startsWith("[")) {
      int end = ip.indexOf(']');
      ip = end < 0 ? ip : ip.substring(1, end);
    } else if (ip.indexOf(':') == ip.lastIndexOf(':') && ip.indexOf(':') > 0) {
      ip = ip.substring(0, ip.indexOf(':'));
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException impossible) {
      return null;
    }
  }
}
