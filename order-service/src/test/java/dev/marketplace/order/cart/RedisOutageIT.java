package dev.marketplace.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.Ports;
import dev.marketplace.testkit.TestNamespace;
import dev.marketplace.testkit.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Carts live in Redis; here no Redis answers (nothing listens on its port). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisOutageIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    OrderIntegrationTest.serversButRedis(registry, TestNamespace.forClass(RedisOutageIT.class));
    int nothingListens = Ports.free();
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> nothingListens);
  }

  @Test
  void cartRequestsAreRefusedAsUnavailableNotAsInternalErrors() {
    ApiClient shopper =
        ApiClient.at("http://localhost:" + port)
            .withToken(TestTokens.shopper(UUID.randomUUID().toString()));

    for (ApiClient.Response response :
        List.of(shopper.get("/api/v1/cart"), shopper.delete("/api/v1/cart"))) {
      assertThat(response.status()).as(response.toString()).isEqualTo(503);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().path("type").asText())
          .isEqualTo("https://problems.marketplace.dev/service-unavailable");
      assertThat(response.header("Retry-After")).isEqualTo("2");
    }
  }
}
