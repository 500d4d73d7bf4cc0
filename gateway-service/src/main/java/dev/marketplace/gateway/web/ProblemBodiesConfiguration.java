package dev.marketplace.gateway.web;

import dev.marketplace.gateway.errors.Problem;
import dev.marketplace.gateway.errors.ProblemTypes;
import dev.marketplace.gateway.errors.ProblemWriter;
import java.util.Set;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.netty.NettyPipeline;

/** Every refusal the gateway makes before routing (firewall, HTTP decoder) is a problem. */
@Configuration(proxyBeanMethods = false)
class ProblemBodiesConfiguration {

  /** The methods the security firewall lets through (its default). */
  private static final Set<HttpMethod> ALLOWED_METHODS =
      Set.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.POST,
          HttpMethod.PUT,
          HttpMethod.PATCH,
          HttpMethod.DELETE,
          HttpMethod.OPTIONS);

  /**
   * The security firewall's refusals: a method it does not allow (TRACE, made-up ones) is a 405;
   * the rest (encoded slashes and dots, control characters, ';') a 400.
   */
  @Bean
  ServerExchangeRejectedHandler problemForRejectedExchange(ProblemWriter problems) {
    return (exchange, rejected) -> {
      if (!ALLOWED_METHODS.contains(exchange.getRequest().getMethod())) {
        exchange.getResponse().getHeaders().setAllow(ALLOWED_METHODS);
        return problems.write(
            exchange,
            new Problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                ProblemTypes.METHOD_NOT_ALLOWED,
                "Method not allowed",
                "The method " + exchange.getRequest().getMethod().name() + " is not allowed."));
      }
      return problems.write(
          exchange,
          new Problem(
              HttpStatus.BAD_REQUEST,
              ProblemTypes.MALFORMED_REQUEST,
              "Malformed request",
              "The path or a header is not allowed: encoded slashes, dots or backslashes,"
                  + " control characters, ';' or non-ASCII header values."));
    };
  }

  @Bean
  NettyServerCustomizer emptyErrorBodies(ProblemWriter problems) {
    return server ->
        server.doOnChannelInit(
            (observer, channel, address) -> {
              if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel
                    .pipeline()
                    .addAfter(
                        NettyPipeline.HttpCodec, "problemBodies", new EmptyErrorBodies(problems));
              }
            });
  }
}
