package dev.marketplace.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class CallerKeyResolverTest {

  private final CallerKeyResolver resolver = new CallerKeyResolver();

  @Test
  void aTokensSubjectIsTheKey() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("vendor-client-7")
            .claim("roles", List.of("VENDOR"))
            .build();

    assertThat(resolver.resolve(exchange(new JwtAuthenticationToken(jwt))).block())
        .isEqualTo("sub:vendor-client-7");
  }

  @Test
  void withoutATokenTheAddressIsTheKey() {
    assertThat(resolver.resolve(exchange(null)).block()).isEqualTo("ip:203.0.113.9");
  }

  @Test
  void anAnonymousPrincipalIsNotACaller() {
    var anonymous =
        new AnonymousAuthenticationToken(
            "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    assertThat(resolver.resolve(exchange(anonymous)).block()).isEqualTo("ip:203.0.113.9");
  }

  private static ServerWebExchange exchange(Principal principal) {
    var exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("/api/v1/products")
                .remoteAddress(new InetSocketAddress("203.0.113.9", 5000)));
    return principal == null ? exchange : exchange.mutate().principal(Mono.just(principal)).build();
  }
}
