package dev.marketplace.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentCapturedV1;
import dev.marketplace.events.payment.PaymentVoidedV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.payment.PaymentIntegrationTest;
import dev.marketplace.payment.provider.ProviderRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Duplicates that race each other: the same commands handled on many threads at once (as after a
 * consumer-group rebalance, or two producers resending), through the real listener, database and
 * provider. Each test ends with the ledger checks of {@link PaymentIntegrationTest}.
 */
class ConcurrentCommandsIT extends PaymentIntegrationTest {

  private static final int THREADS = 8;

  @Autowired PaymentCommandListener listener;

  @Test
  void concurrentDuplicateAuthorisationsAuthoriseOnce() throws Exception {
    String shopper = newId("shopper");
    String order = newId("order");
    var command = authorize(order, shopper, addCard(shopper, APPROVE), 9_900);
    EventEnvelope<Event> sameEnvelope = read(envelope(command));
    List<EventEnvelope<Event>> commands = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      commands.add(i % 2 == 0 ? sameEnvelope : read(envelope(command)));
    }

    race(commands);

    List<Event> replies = replies(order, THREADS / 2 + 1);
    assertThat(replies).hasSize(THREADS / 2 + 1).allMatch(PaymentAuthorizedV1.class::isInstance);
    assertThat(replies).containsOnly(replies.getFirst());
    assertThat(providerAuthorizations(order)).isEqualTo(1);
  }

  @Test
  void concurrentCapturesAndVoidsOfOneOrderStayWithinTheAuthorisation() throws Exception {
    String shopper = newId("shopper");
    String order = newId("order");
    send(authorize(order, shopper, addCard(shopper, APPROVE), 10_000));
    reply(order, PaymentAuthorizedV1.class);
    List<EventEnvelope<Event>> commands = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      commands.add(read(envelope(new CapturePaymentV1(order, "vendor-" + (i % 3), 3_000, "EUR"))));
    }
    commands.add(read(envelope(new VoidPaymentV1(order, "cancelled"))));
    commands.add(read(envelope(new VoidPaymentV1(order, "cancelled"))));

    race(commands);

    Payment payment = paymentOf(order);
    assertThat(payment.state()).isEqualTo(PaymentState.VOIDED);
    long captured = payment.captured().minor();
    assertThat(captured).isLessThanOrEqualTo(10_000).isEqualTo(payment.parts().size() * 3_000L);
    assertThat(payment.released().minor()).isEqualTo(10_000 - captured);
    assertThat(payment.uncaptured().isZero()).isTrue();
    assertThat(
            jdbc.sql(
                    "SELECT captured_minor FROM simulated_provider_authorization"
                        + " WHERE idempotency_key = ?")
                .param("authorize:" + order)
                .query(Long.class)
                .single())
        .isEqualTo(captured);
    List<Event> replies = replies(order, 1 + payment.parts().size());
    assertThat(replies).filteredOn(PaymentVoidedV1.class::isInstance).isNotEmpty();
    assertThat(replies.stream().filter(PaymentCapturedV1.class::isInstance).distinct())
        .hasSize(payment.parts().size());
  }

  /**
   * Handles every command on its own thread, all released at once. A command that loses a race may
   * fail (as it would on Kafka, to be retried); what matters is what the winners leave behind.
   */
  private void race(List<EventEnvelope<Event>> commands) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newFixedThreadPool(commands.size())) {
      List<Future<?>> handled = new ArrayList<>();
      for (EventEnvelope<Event> command : commands) {
        handled.add(
            threads.submit(
                () -> {
                  start.await();
                  try {
                    listener.handle(command);
                  } catch (IllegalPaymentOperationException | ProviderRejectedException lost) {
                    // A capture that lost to the void, or to captures that left too little: on
                    // Kafka it would be retried, then dead-lettered.
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : handled) {
        future.get();
      }
    }
  }

  private Payment paymentOf(String order) {
    return store.find(order).orElseThrow();
  }

  @Autowired PaymentStore store;

  private static EventEnvelope<Event> read(EventEnvelope<?> envelope) {
    return EventJson.read(EventJson.write(envelope));
  }
}
