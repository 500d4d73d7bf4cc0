package dev.marketplace.payment.payment;

import dev.marketplace.payment.ledger.Ledger;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads and saves payments. Changes take a per-order lock first (a PostgreSQL advisory lock held
 * until commit): it serialises concurrent commands for one order even before its payment row
 * exists, which a row lock cannot. Saving posts the payment's recorded money movements to the
 * ledger in the same transaction.
 */
@Component
class PaymentStore {

  private final PaymentRepository payments;
  private final Ledger ledger;
  private final JdbcClient jdbc;
  private final Clock clock;

  PaymentStore(PaymentRepository payments, Ledger ledger, JdbcClient jdbc, Clock clock) {
    this.payments = payments;
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A snapshot for deciding what to ask the provider; never changed and saved. */
  @Transactional(readOnly = true)
  public Optional<Payment> find(String orderId) {
    return payments.findByOrderId(orderId);
  }

  /** The order's payment, locked against other commands for the order until commit. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Payment> lockAndFind(String orderId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param("payment-order:" + orderId)
        .query(row -> {});
    return payments.findByOrderId(orderId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Payment save(Payment payment) {
    Payment saved = payments.save(payment);
    for (PaymentEvent event : payment.takeRecorded()) {
      ledger.post(LedgerPostings.of(payment, event, clock.instant()));
    }
    return saved;
  }
}
