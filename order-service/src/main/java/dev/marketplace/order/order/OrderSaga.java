package dev.marketplace.order.order;

import static dev.marketplace.order.order.OrderStatus.AUTHORIZING_PAYMENT;
import static dev.marketplace.order.order.OrderStatus.CANCELLED;
import static dev.marketplace.order.order.OrderStatus.CANCELLING;
import static dev.marketplace.order.order.OrderStatus.CONFIRMED;
import static dev.marketplace.order.order.OrderStatus.PARTLY_SHIPPED;
import static dev.marketplace.order.order.OrderStatus.RESERVING_STOCK;
import static dev.marketplace.order.saga.Participant.INVENTORY;
import static dev.marketplace.order.saga.Participant.PAYMENT;

import dev.marketplace.events.inventory.StockReleasedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import dev.marketplace.events.payment.PaymentAuthorizedV1;
import dev.marketplace.events.payment.PaymentFailedV1;
import dev.marketplace.events.payment.PaymentVoidedV1;
import dev.marketplace.order.money.Money;
import dev.marketplace.order.saga.SagaDefinition;

/**
 * The order saga, state by state.
 *
 * <ul>
 *   <li>Checkout: reserve stock → authorise the total → CONFIRMED. No stock: CANCELLED, no payment
 *       attempt. Payment failed: release the stock, then CANCELLED.
 *   <li>Fulfilment: vendors ship lines (each parcel commits its stock; a settled part is captured)
 *       or cancel lines they cannot fulfil (their stock is released); carriers report parcels until
 *       DELIVERED. Returns of delivered lines run on their own ({@code returns.ReturnSaga}).
 *   <li>Cancellation, by the shopper before anything shipped or by a hold that ran out: release the
 *       stock and void the payment; CANCELLED when both are confirmed. An authorisation that
 *       arrives after cancellation is voided.
 *   <li>Deadlines: a waiting state's commands are sent again when its reply is overdue, then it
 *       gives up and compensates; a dead-lettered command or reply gives up at once.
 * </ul>
 */
final class OrderSaga {

  /** What shoppers and vendors may do to an order, by state. */
  enum Action {
    CANCEL,
    SHIP,
    CANCEL_LINES
  }

  private static final String SHIPPING_DEADLINE = "not shipped before the shipping deadline";

  static final SagaDefinition<Order, OrderStatus> DEFINITION =
      SagaDefinition.of(OrderStatus.class, Order::status)
          .in(RESERVING_STOCK)
          .waitsFor(INVENTORY)
          .resending(Order::reserveStock)
          .givingUp(Order::cancelReleasingStock)
          .on(StockReservedV1.class, (order, reply, now) -> order.authorise(now))
          .on(
              StockReservationFailedV1.class,
              (order, reply, now) -> order.outOfStock(reply.shortages(), now))
          .allows(Action.CANCEL)
          .in(AUTHORIZING_PAYMENT)
          .waitsFor(PAYMENT)
          .resending(Order::authorizePayment)
          .givingUp(Order::cancelReleasingStockAndVoiding)
          .on(
              PaymentAuthorizedV1.class,
              (order, reply, now) ->
                  order.confirm(
                      reply.paymentId(), new Money(reply.amountMinor(), reply.currency()), now))
          .on(
              PaymentFailedV1.class,
              (order, reply, now) -> order.paymentFailed(reply.reason().name(), now))
          .on(
              StockReleasedV1.class,
              (order, reply, now) ->
                  order.holdRanOut("stock hold expired before payment completed", now))
          .allows(Action.CANCEL)
          .in(CONFIRMED)
          .on(
              StockReleasedV1.class,
              (order, reply, now) -> order.holdRanOut(SHIPPING_DEADLINE, now))
          .allows(Action.CANCEL, Action.SHIP, Action.CANCEL_LINES)
          .in(PARTLY_SHIPPED)
          .on(
              StockReleasedV1.class,
              (order, reply, now) -> order.cancelUnshippedLines(SHIPPING_DEADLINE, now))
          .allows(Action.SHIP, Action.CANCEL_LINES)
          .in(CANCELLING)
          .waitsFor(INVENTORY, Order::awaitsStockRelease)
          .waitsFor(PAYMENT, Order::awaitsVoid)
          .resending(Order::resendCompensations)
          .givingUp(Order::cancelledUnconfirmed)
          .on(StockReleasedV1.class, (order, reply, now) -> order.stockReleaseConfirmed(now))
          .on(PaymentVoidedV1.class, (order, reply, now) -> order.voidConfirmed(now))
          .on(
              PaymentAuthorizedV1.class,
              (order, reply, now) -> order.voidLateAuthorisation(reply.paymentId(), now))
          .in(CANCELLED)
          .on(
              PaymentAuthorizedV1.class,
              (order, reply, now) -> order.voidLateAuthorisation(reply.paymentId(), now))
          .build();

  private OrderSaga() {}
}
