package dev.marketplace.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.Event;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentVoidedV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.payment.PaymentIntegrationTest;
import dev.marketplace.payment.card.PaymentMethodService;
import dev.marketplace.payment.money.Money;
import dev.marketplace.payment.provider.PaymentProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The states a crash leaves behind, recreated step by step with the service's own parts: the
 * payment recorded as AUTHORIZING (step 1 committed) and, for the worse case, the provider's
 * authorisation made (step 2) without its outcome recorded (step 3 never ran).
 */
class CrashRecoveryIT extends PaymentIntegrationTest {

  @Autowired PaymentStore store;
  @Autowired TransactionTemplate transaction;
  @Autowired PaymentProvider provider;
  @Autowired PaymentMethodService methods;

  @Test
  void aRedeliveryAfterACrashBetweenProviderAndCommitReusesTheKeyAndChargesOnce() {
    String shopper = newId("shopper");
    String order = newId("order");
    String card = addCard(shopper, APPROVE);
    Payment authorizing = recordedAsAuthorizing(order, shopper, card, 8_000);
    provider.authorize(
        authorizing.idempotencyKey(),
        methods.byToken(card).orElseThrow().providerToken(),
        Money.of(8_000, "EUR"));

    send(authorize(order, shopper, card, 8_000));

    assertThat(reply(order, PaymentAuthorizedV1.class).paymentId())
        .isEqualTo(authorizing.id().toString());
    assertThat(providerCalls("authorize:" + order)).isEqualTo(2);
    assertThat(providerAuthorizations(order)).isEqualTo(1);
  }

  @Test
  void aVoidThatOvertakesAnUnfinishedAuthorisationCompletesItWithItsKeyThenReleasesIt() {
    String shopper = newId("shopper");
    String order = newId("order");
    String card = addCard(shopper, APPROVE);
    recordedAsAuthorizing(order, shopper, card, 6_000);

    send(new VoidPaymentV1(order, "cancelled during checkout"));

    List<Event> replies = replies(order, 2);
    assertThat(replies.get(0)).isInstanceOf(PaymentAuthorizedV1.class);
    assertThat(replies.get(1)).isEqualTo(new PaymentVoidedV1(order));
    assertThat(providerAuthorizations(order)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT voided FROM simulated_provider_authorization WHERE idempotency_key = ?")
                .param("authorize:" + order)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  private Payment recordedAsAuthorizing(
      String order, String shopper, String card, long amountMinor) {
    return transaction.execute(
        status ->
            store.save(
                Payment.start(order, shopper, card, Money.of(amountMinor, "EUR"), Instant.now())));
  }
}
