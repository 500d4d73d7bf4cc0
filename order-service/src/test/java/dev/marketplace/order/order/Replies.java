package dev.marketplace.order.order;

import dev.marketplace.events.inventory.StockReleasedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentFailedV1;
import dev.marketplace.events.payment.PaymentVoidedV1;
import java.time.Instant;
import java.util.List;

/** The replies inventory and payment send an order, as tests need them. */
public final class Replies {

  private Replies() {}

  public static StockReservedV1 stockReserved(Order order) {
    return new StockReservedV1(order.id().toString(), Instant.parse("2030-01-01T00:00:00Z"));
  }

  public static StockReservationFailedV1 outOfStock(
      Order order, StockReservationFailedV1.Shortage... shortages) {
    return new StockReservationFailedV1(order.id().toString(), List.of(shortages));
  }

  public static StockReleasedV1 stockReleased(Order order) {
    return new StockReleasedV1(order.id().toString());
  }

  public static PaymentAuthorizedV1 authorised(Order order, String paymentId) {
    return new PaymentAuthorizedV1(
        order.id().toString(), paymentId, order.total().amountMinor(), order.total().currency());
  }

  public static PaymentFailedV1 paymentFailed(Order order, PaymentFailedV1.Reason reason) {
    return new PaymentFailedV1(order.id().toString(), reason, "the bank says no");
  }

  public static PaymentVoidedV1 voided(Order order) {
    return new PaymentVoidedV1(order.id().toString());
  }

  /** The order after inventory held its stock and payment authorised it. */
  public static Order confirm(Order order, Instant now) {
    order.reply(stockReserved(order), now);
    order.reply(authorised(order, "pay_1"), now);
    order.takeRecorded();
    return order;
  }
}
