package dev.marketplace.payment.payment;

import static dev.marketplace.payment.ledger.LedgerAccount.AUTHORIZATION_HOLD;
import static dev.marketplace.payment.ledger.LedgerAccount.CAPTURED;
import static dev.marketplace.payment.ledger.LedgerAccount.CARDHOLDER;

import dev.marketplace.payment.ledger.LedgerTransaction;
import dev.marketplace.payment.ledger.LedgerTransaction.Line;
import dev.marketplace.payment.ledger.LedgerTransactionKind;
import dev.marketplace.payment.provider.IdempotencyKey;
import java.time.Instant;

/**
 * The ledger entries of each payment step, as transfers between accounts:
 *
 * <pre>
 *   authorised A:       CARDHOLDER → AUTHORIZATION_HOLD  A
 *   captured C for v:   AUTHORIZATION_HOLD → CAPTURED[v] C
 *   voided, releasing R: AUTHORIZATION_HOLD → CARDHOLDER R
 *   refunded F for v:   CAPTURED[v] → CARDHOLDER         F
 * </pre>
 *
 * (from = credit, to = debit). The hold's balance is therefore always what is authorised and
 * neither captured nor released, and a vendor's CAPTURED balance what it captured less refunds.
 * Each transaction's reference is the step's idempotency key, unique in the ledger.
 */
final class LedgerPostings {

  private LedgerPostings() {}

  static LedgerTransaction of(Payment payment, PaymentEvent event, Instant now) {
    String order = payment.orderId();
    return switch (event) {
      case PaymentEvent.Authorized e ->
          LedgerTransaction.transfer(
              payment.id(),
              order,
              IdempotencyKey.authorization(order).value(),
              LedgerTransactionKind.AUTHORIZATION,
              e.amount(),
              Line.of(AUTHORIZATION_HOLD),
              Line.of(CARDHOLDER),
              now);
      case PaymentEvent.Captured e ->
          LedgerTransaction.transfer(
              payment.id(),
              order,
              IdempotencyKey.capture(order, e.vendorId()).value(),
              LedgerTransactionKind.CAPTURE,
              e.amount(),
              Line.of(CAPTURED, e.vendorId()),
              Line.of(AUTHORIZATION_HOLD),
              now);
      case PaymentEvent.Voided e ->
          LedgerTransaction.transfer(
              payment.id(),
              order,
              IdempotencyKey.voiding(order).value(),
              LedgerTransactionKind.VOID,
              e.released(),
              Line.of(CARDHOLDER),
              Line.of(AUTHORIZATION_HOLD),
              now);
      case PaymentEvent.Refunded e ->
          LedgerTransaction.transfer(
              payment.id(),
              order,
              RefundHandler.providerKey(order, e.vendorId(), e.refundKey()).value(),
              LedgerTransactionKind.REFUND,
              e.amount(),
              Line.of(CARDHOLDER),
              Line.of(CAPTURED, e.vendorId()),
              now);
    };
  }
}
