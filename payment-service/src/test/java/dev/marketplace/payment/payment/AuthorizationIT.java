package dev.marketplace.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.Event;
import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.payment.AuthorizePaymentV1;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentCapturedV1;
import dev.marketplace.events.payment.PaymentFailedV1;
import dev.marketplace.events.payment.PaymentFailedV1.Reason;
import dev.marketplace.events.payment.PaymentVoidedV1;
import dev.marketplace.payment.PaymentIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** AuthorizePayment through Kafka, for each test card and for repeated and broken commands. */
class AuthorizationIT extends PaymentIntegrationTest {

  @Autowired MeterRegistry meters;

  @Test
  void theApproveCardIsAuthorisedOnce() {
    String shopper = newId("shopper");
    String order = newId("order");
    send(authorize(order, shopper, addCard(shopper, APPROVE), 12_900));

    PaymentAuthorizedV1 authorized = reply(order, PaymentAuthorizedV1.class);
    assertThat(authorized.orderId()).isEqualTo(order);
    assertThat(authorized.amountMinor()).isEqualTo(12_900);
    assertThat(authorized.currency()).isEqualTo("EUR");
    assertThat(authorized.paymentId()).isNotBlank();
    assertThat(providerCalls("authorize:" + order)).isEqualTo(1);
    assertThat(providerAuthorizations(order)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    DECLINE + ", DECLINED",
    INSUFFICIENT_FUNDS + ", INSUFFICIENT_FUNDS",
  })
  void declinesAreFailuresWithTheirReason(String number, Reason reason) {
    String shopper = newId("shopper");
    String order = newId("order");
    double countedBefore = authorizations(reason.name().toLowerCase(Locale.ROOT));
    send(authorize(order, shopper, addCard(shopper, number), 5_000));

    PaymentFailedV1 failed = reply(order, PaymentFailedV1.class);
    assertThat(failed.reason()).isEqualTo(reason);
    assertThat(failed.message()).isNotBlank();
    assertThat(providerCalls("authorize:" + order)).isEqualTo(1);
    assertThat(providerAuthorizations(order)).isZero();
    // Operators see declines by reason (marketplace_payments_total).
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(authorizations(reason.name().toLowerCase(Locale.ROOT)))
                    .isEqualTo(countedBefore + 1));
  }

  private double authorizations(String result) {
    return meters
        .get("marketplace.payments")
        .tag("operation", "authorize")
        .tag("result", result)
        .counter()
        .count();
  }

  @Test
  void aProviderThatKeepsTimingOutIsRetriedWithOneKeyThenTheAuthorisationFails() {
    String shopper = newId("shopper");
    String order = newId("order");
    send(authorize(order, shopper, addCard(shopper, TIMEOUT), 5_000));

    assertThat(reply(order, PaymentFailedV1.class).reason()).isEqualTo(Reason.PROVIDER_UNAVAILABLE);
    assertThat(providerCalls("authorize:" + order)).isEqualTo(PROVIDER_ATTEMPTS);
    assertThat(providerAuthorizations(order)).isZero();
  }

  @Test
  void aCardThatIsNotTheShoppersIsInvalidAndTheProviderIsNeverAsked() {
    String owner = newId("shopper");
    String someoneElse = newId("shopper");
    String ownersCard = addCard(owner, APPROVE);
    String stolen = newId("order");
    String unknown = newId("order");

    send(authorize(stolen, someoneElse, ownersCard, 5_000));
    send(authorize(unknown, someoneElse, "not-a-card-token", 5_000));

    assertThat(reply(stolen, PaymentFailedV1.class).reason()).isEqualTo(Reason.INVALID_CARD);
    assertThat(reply(unknown, PaymentFailedV1.class).reason()).isEqualTo(Reason.INVALID_CARD);
    assertThat(providerCalls("authorize:" + stolen)).isZero();
    assertThat(providerCalls("authorize:" + unknown)).isZero();
  }

  @Test
  void theSameCommandDeliveredTwiceAuthorisesOnceAndRepliesOnce() {
    String shopper = newId("shopper");
    String order = newId("order");
    EventEnvelope<AuthorizePaymentV1> command =
        envelope(authorize(order, shopper, addCard(shopper, APPROVE), 7_000));

    send(command);
    send(command);
    // Commands of one order share a partition: once the capture is answered, the redelivery
    // before it has been handled.
    send(new CapturePaymentV1(order, "vendor-1", 1_000, "EUR"));

    List<Event> replies = replies(order, 2);
    assertThat(replies).hasSize(2);
    assertThat(replies.get(0)).isInstanceOf(PaymentAuthorizedV1.class);
    assertThat(replies.get(1)).isInstanceOf(PaymentCapturedV1.class);
    assertThat(providerCalls("authorize:" + order)).isEqualTo(1);
    assertThat(providerAuthorizations(order)).isEqualTo(1);
  }

  @Test
  void theSameCommandSentAgainGetsTheSameReplyWithoutASecondAuthorisation() {
    String shopper = newId("shopper");
    String order = newId("order");
    AuthorizePaymentV1 command = authorize(order, shopper, addCard(shopper, APPROVE), 7_000);

    send(command);
    send(command);

    List<Event> replies = replies(order, 2);
    assertThat(replies).hasSize(2);
    assertThat(replies.get(1)).isEqualTo(replies.get(0)).isInstanceOf(PaymentAuthorizedV1.class);
    assertThat(providerAuthorizations(order)).isEqualTo(1);
  }

  @Test
  void aFailureIsRepeatedAsTheSameFailure() {
    String shopper = newId("shopper");
    String order = newId("order");
    AuthorizePaymentV1 command = authorize(order, shopper, addCard(shopper, DECLINE), 7_000);

    send(command);
    send(command);

    List<Event> replies = replies(order, 2);
    assertThat(replies.get(1)).isEqualTo(replies.get(0));
    assertThat(providerCalls("authorize:" + order)).isEqualTo(1);
  }

  @Test
  void aMalformedCommandIsDeadLetteredAndTheNextOneIsHandled() {
    String shopper = newId("shopper");
    String card = addCard(shopper, APPROVE);
    String broken = newId("order");
    String notACommand = newId("order");
    String zeroAmount = newId("order");
    String next = newId("order");

    sendRaw(broken, "{\"type\":\"payment.authorize\",\"version\":1,\"payload\":");
    send(new PaymentVoidedV1(notACommand));
    send(authorize(zeroAmount, shopper, card, 0));
    send(authorize(next, shopper, card, 3_000));

    assertThat(reply(next, PaymentAuthorizedV1.class).amountMinor()).isEqualTo(3_000);
    assertThat(deadLetters(broken, 1).getFirst().value()).startsWith("{\"type\"");
    assertThat(deadLetters(notACommand, 1)).hasSize(1);
    assertThat(deadLetters(zeroAmount, 1)).hasSize(1);
    assertThat(providerCalls("authorize:" + zeroAmount)).isZero();
  }
}
