package dev.marketplace.localstack.benchmark;

import dev.marketplace.localstack.DemoData;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checkouts at a fixed rate, started on schedule whatever the answers' speed (an open loop: a slow
 * stack gets more work in flight, not less offered load). Each checkout is a shopper's: one line
 * into their cart, then {@code POST /api/v1/orders} with a fresh Idempotency-Key and their card,
 * through the gateway.
 *
 * <p>A cart is the shopper's, so one shopper has one checkout in flight at a time; the next
 * checkout takes whichever shopper is free. If none is, it waits for one and is counted in {@link
 * Result#waitedForShopper()}: then the load was not fully open and the figures say so.
 */
final class CheckoutLoad {

  /**
   * A checkout that made an order: sent at the client's clock, within the measured window or not.
   */
  record Placed(String orderId, Instant sentAt, boolean measured) {}

  /**
   * @param failed answers other than 200 to the cart line or 201 to the checkout, by status (-1: no
   *     answer)
   */
  record Result(
      List<Placed> placed,
      Instant measuredFrom,
      Instant measuredUntil,
      Latencies cartLine,
      Latencies checkout,
      Map<Integer, Integer> failed,
      int waitedForShopper,
      Map<String, Double> cpu) {}

  private final CheckoutShop shop;

  CheckoutLoad(CheckoutShop shop) {
    this.shop = shop;
  }

  /**
   * Offers {@code rate} checkouts a second for {@code warmUp} (not measured), then for {@code
   * measured}; returns once every checkout has been answered. The processes' CPU is sampled at the
   * measured window's edges.
   */
  Result run(double rate, Duration warmUp, Duration measured, ProcessCpu cpu)
      throws InterruptedException {
    long period = Math.round(1e9 / rate);
    long warmUpCount = warmUp.toNanos() / period;
    long total = warmUpCount + measured.toNanos() / period;
    int capacity = (int) (total - warmUpCount) + 16;
    Latencies cartLine = new Latencies(capacity);
    Latencies checkout = new Latencies(capacity);
    Map<Integer, Integer> failed = new ConcurrentHashMap<>();
    AtomicInteger waited = new AtomicInteger();
    ConcurrentLinkedQueue<Placed> placed = new ConcurrentLinkedQueue<>();
    List<CheckoutShop.Shopper> shuffled = new ArrayList<>(shop.shoppers());
    Collections.shuffle(shuffled);
    BlockingQueue<CheckoutShop.Shopper> free = new LinkedBlockingQueue<>(shuffled);
    AtomicLong next = new AtomicLong();

    Instant start = Instant.now();
    Instant measuredFrom = start.plusNanos(warmUpCount * period);
    Instant measuredUntil = start.plusNanos(total * period);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    ticker.scheduleAtFixedRate(
        () -> {
          long n = next.getAndIncrement();
          if (n >= total) {
            return;
          }
          boolean inWindow = n >= warmUpCount;
          String sku = shop.skus().get((int) (n % shop.skus().size()));
          senders.execute(
              () -> {
                CheckoutShop.Shopper shopper = free.poll();
                try {
                  if (shopper == null) {
                    waited.incrementAndGet();
                    shopper = free.take();
                  }
                  checkOut(
                      shopper, shop.cartLine(sku), inWindow, cartLine, checkout, failed, placed);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  if (shopper != null) {
                    free.add(shopper);
                  }
                }
              });
        },
        0,
        period,
        TimeUnit.NANOSECONDS);

    sleepUntil(measuredFrom);
    ProcessCpu.Sample before = cpu.sample();
    sleepUntil(measuredUntil);
    ProcessCpu.Sample after = cpu.sample();
    while (next.get() < total) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    ticker.shutdownNow();
    senders.close(); // waits for the checkouts in flight
    return new Result(
        List.copyOf(placed),
        measuredFrom,
        measuredUntil,
        cartLine,
        checkout,
        Map.copyOf(failed),
        waited.get(),
        ProcessCpu.percentOfOneCore(before, after));
  }

  private static void checkOut(
      CheckoutShop.Shopper shopper,
      String cartPath,
      boolean measured,
      Latencies cartLine,
      Latencies checkout,
      Map<Integer, Integer> failed,
      ConcurrentLinkedQueue<Placed> placed) {
    try {
      long start = System.nanoTime();
      var line = shopper.api().put(cartPath, Map.of("quantity", 1));
      if (measured) {
        cartLine.record(System.nanoTime() - start);
      }
      if (line.status() != 200) {
        failed.merge(line.status(), 1, Integer::sum);
        return;
      }
      Instant sentAt = Instant.now();
      start = System.nanoTime();
      var order =
          shopper
              .api()
              .withHeader("Idempotency-Key", UUID.randomUUID().toString())
              .post("/api/v1/orders", DemoData.checkoutToBerlin(shopper.card()));
      if (measured) {
        checkout.record(System.nanoTime() - start);
      }
      if (order.status() == 201) {
        placed.add(new Placed(order.json().path("id").asString(), sentAt, measured));
      } else {
        failed.merge(order.status(), 1, Integer::sum);
        // The line stays in the cart after a failed checkout: the shopper's next one starts clean.
        shopper.api().delete("/api/v1/cart");
      }
    } catch (UncheckedIOException e) {
      failed.merge(-1, 1, Integer::sum);
    }
  }

  private static void sleepUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis > 0) {
      TimeUnit.MILLISECONDS.sleep(millis);
    }
  }
}
