package dev.marketplace.gateway.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells each service who called and at which public address, as {@code X-Forwarded-For/Proto/
 * Host/Port}: the form Tomcat's {@code RemoteIpValve} ({@code server.forward-headers-strategy:
 * native}) and Spring's {@code ForwardedHeaderFilter} both read, so the authorization server's
 * redirects and issuer point at the gateway, not at itself.
 *
 * <p>Spring Cloud Gateway's own forwarded-header filters stay off (no {@code trusted-proxies} set):
 * that also makes it drop whatever {@code Forwarded} and {@code X-Forwarded-*} headers the client
 * sent, before this filter (ordered last) writes the values {@code ClientOriginFilter} settled.
 * {@code Host} is the service's own, so its virtual hosting and TLS name checks are unaffected.
 */
@Component
class ForwardedHeadersToUpstream implements HttpHeadersFilter, Ordered {

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders headers = HttpHeaders.copyOf(input);
    URI publicUri = exchange.getRequest().getURI();
    int port = publicUri.getPort() >= 0 ? publicUri.getPort() : defaultPort(publicUri.getScheme());
    InetSocketAddress client = exchange.getRequest().getRemoteAddress();
    if (client != null) {
      headers.set(
          "X-Forwarded-For",
          client.getAddress() != null
              ? client.getAddress().getHostAddress()
              : client.getHostString());
    }
    headers.set("X-Forwarded-Proto", publicUri.getScheme());
    headers.set(
        "X-Forwarded-Host", publicUri.getHost() + (publicUri.getPort() >= 0 ? ":" + port : ""));
    headers.set("X-Forwarded-Port", Integer.toString(port));
    return headers;
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
