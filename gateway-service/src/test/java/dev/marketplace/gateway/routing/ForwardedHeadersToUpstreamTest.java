package dev.marketplace.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ForwardedHeadersToUpstreamTest {

  private final ForwardedHeadersToUpstream filter = new ForwardedHeadersToUpstream();

  @Test
  void theServiceIsToldTheClientAndThePublicAddress() {
    var exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("https://api.marketplace.example/oauth2/authorize")
                .remoteAddress(new InetSocketAddress("203.0.113.9", 5000)));

    HttpHeaders headers = filter.filter(exchange.getRequest().getHeaders(), exchange);

    assertThat(headers.getFirst("X-Forwarded-For")).isEqualTo("203.0.113.9");
    assertThat(headers.getFirst("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(headers.getFirst("X-Forwarded-Host")).isEqualTo("api.marketplace.example");
    assertThat(headers.getFirst("X-Forwarded-Port")).isEqualTo("443");
  }

  @Test
  void aNonStandardPortIsPartOfTheHost() {
    var exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("http://localhost:8080/login")
                .remoteAddress(new InetSocketAddress("127.0.0.1", 5000)));

    HttpHeaders headers = filter.filter(exchange.getRequest().getHeaders(), exchange);

    assertThat(headers.getFirst("X-Forwarded-Host")).isEqualTo("localhost:8080");
    assertThat(headers.getFirst("X-Forwarded-Port")).isEqualTo("8080");
  }
}
