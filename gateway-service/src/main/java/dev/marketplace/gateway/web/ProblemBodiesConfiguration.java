package dev.marketplace.gateway.web;

import dev.marketplace.gateway.errors.Problem;
import dev.marketplace.gateway.errors.ProblemTypes;
import dev.marketplace.gateway.errors.ProblemWriter;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.netty.NettyPipeline;

/** Every refusal the gateway makes before routing (firewall, HTTP decoder) is a problem. */
@Configuration(proxyBeanMethods = false)
class ProblemBodiesConfiguration {

  /** The security firewall's refusals: encoded slashes and dots, control characters, ';'. */
  @Bean
  ServerExchangeRejectedHandler problemForRejectedExchange(ProblemWriter problems) {
    return (exchange, rejected) ->
        problems.write(
            exchange,
            new Problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED_REQUEST,
                "Malformed request",
                "The path or a header is not allowed: encoded slashes, dots or backslashes,"
                    + " control characters, ';' or non-ASCII header values."));
  }

  @Bean
  NettyServerCustomizer emptyErrorBodies() {
    return server ->
        server.doOnChannelInit(
            (observer, channel, address) -> {
              if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel
                    .pipeline()
                    .addAfter(NettyPipeline.HttpCodec, "problemBodies", new EmptyErrorBodies());
              }
            });
  }
}
