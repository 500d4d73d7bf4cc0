package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.Topics;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.order.OrderIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Requests that race each other get the answer a client can act on, never a spurious failure. */
class CheckoutRacesIT extends OrderIntegrationTest {

  private static final int ROUNDS = 10;

  @Autowired StringRedisTemplate redis;

  @Test
  void aRepeatSentWhileTheFirstCheckoutRunsGetsTheSameOrder() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      ApiClient shopper = shopperWithALineInTheCart();
      String key = "race-" + UUID.randomUUID();

      List<ApiClient.Response> answers =
          together(
              3,
              () ->
                  shopper
                      .withHeader("Idempotency-Key", key)
                      .post("/api/v1/orders", checkoutBody("pm_1")));

      List<String> orderIds = new ArrayList<>();
      for (ApiClient.Response answer : answers) {
        if (answer.status() == 201 || answer.status() == 200) {
          orderIds.add(answer.json().path("id").asString());
        } else {
          assertThat(answer.status()).as(answer.toString()).isIn(409, 503);
          assertThat(answer.header("Retry-After")).as(answer.toString()).isNotNull();
        }
      }
      assertThat(orderIds).as("round " + round + ": " + answers).isNotEmpty();
      assertThat(orderIds.stream().distinct()).as("one order for one key: " + answers).hasSize(1);
      assertThat(answers.stream().filter(a -> a.status() == 201)).as(answers.toString()).hasSize(1);
    }
  }

  @Test
  void aCancelWhileTheSagaMovesIsNeverAConcurrentUpdate() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      ApiClient shopper = shopperWithALineInTheCart();
      String orderId =
          shopper
              .withHeader("Idempotency-Key", "cancel-" + UUID.randomUUID())
              .post("/api/v1/orders", checkoutBody("pm_1"))
              .json()
              .path("id")
              .asString();

      List<ApiClient.Response> cancels =
          together(
              () -> {
                send(
                    Topics.INVENTORY_REPLIES,
                    new StockReservedV1(orderId, Instant.now().plusSeconds(3600)));
                return null;
              },
              () -> shopper.post("/api/v1/orders/" + orderId + "/cancel", null));

      ApiClient.Response cancel = cancels.get(1);
      assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
      assertThat(cancel.json().path("status").asString()).isIn("CANCELLING", "CANCELLED");
    }
  }

  @Test
  void aCommittedCheckoutIsASuccessEvenWhenTheCartCannotBeCleanedAfterwards() {
    ApiClient shopper = shopperWithALineInTheCart();
    // Redis still answers reads, but refuses the script that removes the ordered lines.
    redisAcl("SETUSER", "default", "-eval", "-evalsha");
    try {
      ApiClient.Response placed =
          shopper
              .withHeader("Idempotency-Key", "clean-" + UUID.randomUUID())
              .post("/api/v1/orders", checkoutBody("pm_1"));

      assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
      assertThat(placed.json().path("status").asString()).isEqualTo("PENDING");
    } finally {
      redisAcl("SETUSER", "default", "+@all");
    }
    assertThat(shopper.get("/api/v1/cart").json().path("lines").size())
        .as("the lines stay in the cart; the order stands")
        .isOne();
  }

  private void redisAcl(String... arguments) {
    byte[][] args =
        java.util.Arrays.stream(arguments)
            .map(a -> a.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toArray(byte[][]::new);
    redis.execute(
        (org.springframework.data.redis.core.RedisCallback<Object>)
            connection -> connection.execute("ACL", args));
  }

  private ApiClient shopperWithALineInTheCart() {
    String sku = sku();
    catalogHas(UUID.randomUUID().toString(), "vendor-a", sku, 1_000);
    ApiClient shopper = shopper(UUID.randomUUID().toString());
    fill(shopper, "vendor-a", sku, 1);
    return shopper;
  }

  @SafeVarargs
  private static List<ApiClient.Response> together(Callable<ApiClient.Response>... calls)
      throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(calls.length)) {
      List<Future<ApiClient.Response>> futures = new ArrayList<>();
      for (Callable<ApiClient.Response> call : calls) {
        futures.add(pool.submit(call));
      }
      List<ApiClient.Response> answers = new ArrayList<>();
      for (Future<ApiClient.Response> future : futures) {
        answers.add(future.get());
      }
      return answers;
    }
  }

  private static List<ApiClient.Response> together(int copies, Callable<ApiClient.Response> call)
      throws Exception {
    @SuppressWarnings("unchecked")
    Callable<ApiClient.Response>[] calls = new Callable[copies];
    java.util.Arrays.fill(calls, call);
    return together(calls);
  }
}
