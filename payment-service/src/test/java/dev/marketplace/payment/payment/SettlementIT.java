package dev.marketplace.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.events.Event;
import dev.marketplace.events.payment.CapturePaymentV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentCapturedV1;
import dev.marketplace.events.payment.PaymentFailedV1;
import dev.marketplace.events.payment.PaymentRefundedV1;
import dev.marketplace.events.payment.PaymentVoidedV1;
import dev.marketplace.events.payment.RefundPaymentV1;
import dev.marketplace.events.payment.VoidPaymentV1;
import dev.marketplace.payment.PaymentIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capture per vendor, void and refund through Kafka, repeated and out of bounds. */
class SettlementIT extends PaymentIntegrationTest {

  @Test
  void vendorsCapturePartsOfTheAuthorisationEachOnce() {
    String order = authorised(10_000);

    send(new CapturePaymentV1(order, "vendor-a", 4_000, "EUR"));
    send(new CapturePaymentV1(order, "vendor-b", 3_500, "EUR"));
    send(new CapturePaymentV1(order, "vendor-a", 4_000, "EUR"));

    List<Event> replies = replies(order, 4);
    assertThat(replies.subList(1, 4))
        .containsExactly(
            new PaymentCapturedV1(order, "vendor-a", 4_000, "EUR"),
            new PaymentCapturedV1(order, "vendor-b", 3_500, "EUR"),
            new PaymentCapturedV1(order, "vendor-a", 4_000, "EUR"));
    assertThat(providerCalls("capture:" + order + ":vendor-a")).isEqualTo(1);
    assertThat(capturedAtProvider(order)).isEqualTo(7_500);
  }

  @Test
  void aCaptureBeyondWhatIsLeftIsDeadLetteredAndCapturesNothing() {
    String order = authorised(10_000);
    send(new CapturePaymentV1(order, "vendor-a", 8_000, "EUR"));
    send(new CapturePaymentV1(order, "vendor-b", 2_001, "EUR"));
    send(new CapturePaymentV1(order, "vendor-c", 2_000, "USD"));
    send(new CapturePaymentV1(order, "vendor-d", 2_000, "EUR"));

    List<Event> replies = replies(order, 3);
    assertThat(replies)
        .containsExactly(
            replies.getFirst(),
            new PaymentCapturedV1(order, "vendor-a", 8_000, "EUR"),
            new PaymentCapturedV1(order, "vendor-d", 2_000, "EUR"));
    assertThat(deadLetters(order, 2)).hasSize(2);
    assertThat(providerCalls("capture:" + order + ":vendor-b")).isZero();
    assertThat(capturedAtProvider(order)).isEqualTo(10_000);
  }

  @Test
  void aVoidAfterAPartialCaptureReleasesTheRestOnce() {
    String order = authorised(10_000);
    send(new CapturePaymentV1(order, "vendor-a", 6_000, "EUR"));
    send(new VoidPaymentV1(order, "shopper cancelled the rest"));
    send(new VoidPaymentV1(order, "shopper cancelled the rest"));
    send(new CapturePaymentV1(order, "vendor-b", 1_000, "EUR"));

    List<Event> replies = replies(order, 4);
    assertThat(replies.subList(1, 4))
        .containsExactly(
            new PaymentCapturedV1(order, "vendor-a", 6_000, "EUR"),
            new PaymentVoidedV1(order),
            new PaymentVoidedV1(order));
    assertThat(deadLetters(order, 1)).hasSize(1);
    assertThat(providerCalls("void:" + order)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT voided FROM simulated_provider_authorization WHERE idempotency_key = ?")
                .param("authorize:" + order)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            jdbc.sql("SELECT released_minor FROM payment WHERE order_id = ?")
                .param(order)
                .query(Long.class)
                .single())
        .isEqualTo(4_000);
  }

  @Test
  void aCapturedPartIsRefundedOnce() {
    String order = authorised(10_000);
    send(new CapturePaymentV1(order, "vendor-a", 6_000, "EUR"));
    send(new RefundPaymentV1(order, "vendor-a", 2_500, "EUR"));
    send(new RefundPaymentV1(order, "vendor-a", 2_500, "EUR"));
    send(new RefundPaymentV1(order, "vendor-b", 1_000, "EUR"));
    send(new VoidPaymentV1(order, "nothing else ships"));

    List<Event> replies = replies(order, 5);
    assertThat(replies.subList(1, 5))
        .containsExactly(
            new PaymentCapturedV1(order, "vendor-a", 6_000, "EUR"),
            new PaymentRefundedV1(order, "vendor-a", 2_500, "EUR"),
            new PaymentRefundedV1(order, "vendor-a", 2_500, "EUR"),
            new PaymentVoidedV1(order));
    assertThat(deadLetters(order, 1)).hasSize(1);
    assertThat(providerCalls("refund:" + order + ":vendor-a")).isEqualTo(1);
  }

  @Test
  void aPartIsRefundedInSeveralReturnsEachOnceAndNeverBeyondItsCapture() {
    String order = authorised(10_000);
    send(new CapturePaymentV1(order, "vendor-a", 6_000, "EUR"));
    send(new RefundPaymentV1(order, "vendor-a", 2_000, "EUR", "return-1"));
    send(new RefundPaymentV1(order, "vendor-a", 2_000, "EUR", "return-1"));
    send(new RefundPaymentV1(order, "vendor-a", 3_000, "EUR", "return-2"));
    send(new RefundPaymentV1(order, "vendor-a", 1_500, "EUR", "return-3"));

    List<Event> replies = replies(order, 5);
    assertThat(replies.subList(2, 5))
        .containsExactly(
            new PaymentRefundedV1(order, "vendor-a", 2_000, "EUR", "return-1"),
            new PaymentRefundedV1(order, "vendor-a", 2_000, "EUR", "return-1"),
            new PaymentRefundedV1(order, "vendor-a", 3_000, "EUR", "return-2"));
    assertThat(deadLetters(order, 1)).as("1,500 is more than the 1,000 left").hasSize(1);
    assertThat(providerCalls("refund:" + order + ":vendor-a:return-1")).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT refunded_minor FROM vendor_part v JOIN payment p ON p.id = v.payment_id"
                        + " WHERE p.order_id = ?")
                .param(order)
                .query(Long.class)
                .single())
        .isEqualTo(5_000);
  }

  @Test
  void aRefundAfterTheVoidStillGivesBackACapturedPart() {
    String order = authorised(5_000);
    send(new CapturePaymentV1(order, "vendor-a", 5_000, "EUR"));
    send(new VoidPaymentV1(order, "fully shipped"));
    send(new RefundPaymentV1(order, "vendor-a", 5_000, "EUR"));

    assertThat(replies(order, 4).getLast())
        .isEqualTo(new PaymentRefundedV1(order, "vendor-a", 5_000, "EUR"));
    assertThat(providerCalls("void:" + order)).as("nothing was left to void").isZero();
  }

  @Test
  void aVoidForAnOrderNeverAuthorisedIsAnsweredAndALateAuthorisationHoldsNothing() {
    String shopper = newId("shopper");
    String order = newId("order");
    send(new VoidPaymentV1(order, "cancelled at once"));
    send(new VoidPaymentV1(order, "cancelled at once"));
    send(authorize(order, shopper, addCard(shopper, APPROVE), 3_000));

    List<Event> replies = replies(order, 3);
    assertThat(replies.subList(0, 2))
        .containsExactly(new PaymentVoidedV1(order), new PaymentVoidedV1(order));
    assertThat(replies.get(2)).isInstanceOf(PaymentFailedV1.class);
    assertThat(providerCalls("authorize:" + order)).isZero();
  }

  @Test
  void aVoidOfAFailedPaymentIsAnswered() {
    String shopper = newId("shopper");
    String order = newId("order");
    send(authorize(order, shopper, addCard(shopper, INSUFFICIENT_FUNDS), 3_000));
    send(new VoidPaymentV1(order, "payment failed"));

    assertThat(replies(order, 2).get(1)).isEqualTo(new PaymentVoidedV1(order));
    assertThat(providerCalls("void:" + order)).isZero();
  }

  private String authorised(long amountMinor) {
    String shopper = newId("shopper");
    String order = newId("order");
    send(authorize(order, shopper, addCard(shopper, APPROVE), amountMinor));
    reply(order, PaymentAuthorizedV1.class);
    return order;
  }

  private long capturedAtProvider(String order) {
    return jdbc.sql(
            "SELECT captured_minor FROM simulated_provider_authorization WHERE idempotency_key = ?")
        .param("authorize:" + order)
        .query(Long.class)
        .single();
  }
}
