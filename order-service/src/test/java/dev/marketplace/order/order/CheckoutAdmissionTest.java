package dev.marketplace.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.platform.web.ServiceBusyException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckoutAdmissionTest {

  private final CheckoutAdmission admission =
      new CheckoutAdmission(
          new OrderProperties(
              Duration.ofDays(7),
              Duration.ofDays(7),
              100,
              50,
              new OrderProperties.Checkout(
                  1, Duration.ofMillis(200), Duration.ofSeconds(3), 200, Duration.ofMillis(250)),
              new OrderProperties.Customers(
                  java.net.URI.create("http://localhost:1"),
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(2)),
              new OrderProperties.Saga(Duration.ofSeconds(20), 2, Duration.ofSeconds(2), 100),
              new OrderProperties.Returns(Duration.ofDays(30))),
          new SimpleMeterRegistry());

  @Test
  void aCheckoutBeyondTheLimitIsRefusedAfterTheWaitWithoutRunning() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                admission.admit(
                    () -> {
                      running.countDown();
                      await(release);
                      return "first order";
                    }));
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

    boolean[] secondRan = {false};
    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                admission.admit(
                    () -> {
                      secondRan[0] = true;
                      return "second order";
                    }))
        .isInstanceOfSatisfying(
            ServiceBusyException.class,
            busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("it waited for a turn first")
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(secondRan[0]).isFalse();

    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first order");
    assertThat(admission.admit(() -> "third order"))
        .as("a turn is free again once the first finished")
        .isEqualTo("third order");
  }

  @Test
  void aCheckoutThatFailsGivesItsTurnBack() {
    assertThatThrownBy(
            () ->
                admission.admit(
                    () -> {
                      throw new IllegalStateException("the cart is empty");
                    }))
        .hasMessage("the cart is empty");
    assertThat(admission.admit(() -> "next order")).isEqualTo("next order");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
