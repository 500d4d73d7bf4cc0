package dev.marketplace.order.returns;

import static dev.marketplace.order.returns.ReturnStatus.APPROVED;
import static dev.marketplace.order.returns.ReturnStatus.RECEIVED;
import static dev.marketplace.order.returns.ReturnStatus.REFUNDED;
import static dev.marketplace.order.returns.ReturnStatus.REQUESTED;
import static dev.marketplace.order.saga.Participant.INVENTORY;
import static dev.marketplace.order.saga.Participant.PAYMENT;

import dev.marketplace.events.inventory.RestockRefusedV1;
import dev.marketplace.events.inventory.StockRestockedV1;
import dev.marketplace.events.payment.PaymentRefundedV1;
import dev.marketplace.order.saga.SagaDefinition;

/**
 * A return of delivered lines, state by state: the shopper asks; the vendor approves or rejects;
 * the vendor receives the parcel, restocking it at a location or writing it off, and the refund
 * (and restock) is asked for; the refund ends it. A refund is made, never undone: one that does not
 * come after every resend waits for a person (the {@code MarketplaceRefundsStuck} alert).
 */
final class ReturnSaga {

  /** What vendors may do to a return, by state. */
  enum Action {
    APPROVE,
    REJECT,
    RECEIVE
  }

  static final SagaDefinition<OrderReturn, ReturnStatus> DEFINITION =
      SagaDefinition.of(ReturnStatus.class, OrderReturn::status)
          .in(REQUESTED)
          .allows(Action.APPROVE, Action.REJECT)
          .in(APPROVED)
          .allows(Action.RECEIVE)
          .in(RECEIVED)
          .waitsFor(PAYMENT)
          .waitsFor(INVENTORY, OrderReturn::awaitsRestock)
          .resending(OrderReturn::askAgain)
          .on(PaymentRefundedV1.class, (r, reply, now) -> r.refunded(now))
          .on(StockRestockedV1.class, (r, reply, now) -> r.restocked())
          .on(RestockRefusedV1.class, (r, reply, now) -> r.restockRefused(reply.reason()))
          .in(REFUNDED)
          .on(StockRestockedV1.class, (r, reply, now) -> r.restocked())
          .on(RestockRefusedV1.class, (r, reply, now) -> r.restockRefused(reply.reason()))
          .build();

  private ReturnSaga() {}
}
