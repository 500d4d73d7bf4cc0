package dev.marketplace.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.gateway.config.GatewayProperties;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class ClientOriginFilterTest {

  private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.5", 40000);

  @Test
  void withNoTrustedProxyTheHeadersAreIgnored() {
    ServerWebExchange seen =
        filtered(
            0,
            MockServerHttpRequest.get("http://gateway.internal:8080/api/v1/products")
                .remoteAddress(PROXY)
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Proto", "https"));

    assertThat(seen.getRequest().getRemoteAddress()).isEqualTo(PROXY);
    assertThat(seen.getRequest().getURI().getScheme()).isEqualTo("http");
  }

  @Test
  void theClientIsTheEntryTheOutermostTrustedProxyWrote() {
    var request =
        MockServerHttpRequest.get("http://gateway.internal:8080/x")
            .remoteAddress(PROXY)
            .header("X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.0.0.4");

    assertThat(client(filtered(1, request))).isEqualTo("10.0.0.4");
    assertThat(client(filtered(2, request))).isEqualTo("203.0.113.9");
    // Fewer entries than trusted proxies: the leftmost is all there is.
    assertThat(client(filtered(5, request))).isEqualTo("6.6.6.6");
  }

  @Test
  void aNameInsteadOfAnAddressIsIgnoredWithoutALookup() {
    var request =
        MockServerHttpRequest.get("http://gateway.internal:8080/x")
            .remoteAddress(PROXY)
            .header("X-Forwarded-For", "attacker.example");

    assertThat(filtered(1, request).getRequest().getRemoteAddress()).isEqualTo(PROXY);
  }

  @Test
  void thePublicAddressComesFromTheTrustedProxy() {
    var request =
        MockServerHttpRequest.get("http://gateway.internal:8080/api/v1/products?q=1")
            .remoteAddress(PROXY)
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "api.marketplace.example");

    URI uri = filtered(1, request).getRequest().getURI();

    assertThat(uri).isEqualTo(URI.create("https://api.marketplace.example/api/v1/products?q=1"));
  }

  @Test
  void aPortFromTheTrustedProxyIsKept() {
    var request =
        MockServerHttpRequest.get("http://gateway.internal:8080/x")
            .remoteAddress(PROXY)
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "api.marketplace.example")
            .header("X-Forwarded-Port", "8443");

    assertThat(filtered(1, request).getRequest().getURI())
        .isEqualTo(URI.create("https://api.marketplace.example:8443/x"));
  }

  @Test
  void addressLiteralsInTheirUsualForms() {
    assertThat(ClientOriginFilter.ipLiteral("203.0.113.9").getHostAddress())
        .isEqualTo("203.0.113.9");
    assertThat(ClientOriginFilter.ipLiteral("203.0.113.9:4711").getHostAddress())
        .isEqualTo("203.0.113.9");
    assertThat(ClientOriginFilter.ipLiteral("[2001:db8::1]:4711").getHostAddress())
        .isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(ClientOriginFilter.ipLiteral("2001:db8::1").getHostAddress())
        .isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(ClientOriginFilter.ipLiteral("unknown")).isNull();
  }

  private static String client(ServerWebExchange exchange) {
    return exchange.getRequest().getRemoteAddress().getAddress().getHostAddress();
  }

  private static ServerWebExchange filtered(
      int trustedProxyCount, MockServerHttpRequest.BaseBuilder<?> request) {
    AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
    new ClientOriginFilter(properties(trustedProxyCount))
        .filter(
            MockServerWebExchange.from(request),
            exchange -> {
              seen.set(exchange);
              return Mono.empty();
            })
        .block();
    return seen.get();
  }

  private static GatewayProperties properties(int trustedProxyCount) {
    return new GatewayProperties(
        Map.of(),
        Map.of(),
        trustedProxyCount,
        DataSize.ofMegabytes(1),
        Map.of(),
        new GatewayProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(10), 3),
        new GatewayProperties.Cors(List.of(), List.of(), List.of(), false, Duration.ofHours(1)));
  }
}
