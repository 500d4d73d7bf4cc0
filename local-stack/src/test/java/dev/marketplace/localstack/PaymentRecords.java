package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * payment-service's records of some orders, read from its database: each payment with its ledger
 * balances and what the simulated provider did for it (the provider's own tables; its idempotency
 * key for an authorisation is {@code authorize:<order id>}). No API shows the provider's side, and
 * the admin API shows one payment at a time.
 */
final class PaymentRecords {

  /**
   * One order's payment. {@code authorized}: the provider's authorisation is recorded (it may since
   * have been voided). {@code hold} is the balance of its AUTHORIZATION_HOLD ledger account; {@code
   * providerAuthorizations} how many authorisations the provider made under its key, {@code
   * providerCalls} how often it was asked.
   */
  record Payment(
      String orderId,
      String state,
      @Nullable String failureReason,
      boolean authorized,
      long amountMinor,
      long capturedMinor,
      long releasedMinor,
      long hold,
      long authorizationPostings,
      long providerAuthorizations,
      long providerCalls) {}

  private final ServiceDatabase database;

  PaymentRecords(LocalStack stack) {
    this.database = new ServiceDatabase(stack, "payment");
  }

  /** The payments of these orders, by order id (an order without a payment is absent). */
  Map<String, Payment> of(Collection<String> orderIds) {
    return database
        .rows(
            """
            SELECT p.order_id, p.state, p.failure_reason,
                   p.provider_authorization_id IS NOT NULL AS authorized,
                   coalesce(p.amount_minor, 0) AS amount,
                   p.released_minor,
                   coalesce((SELECT sum(v.captured_minor) FROM vendor_part v
                             WHERE v.payment_id = p.id), 0) AS captured,
                   coalesce((SELECT sum(CASE e.side WHEN 'DEBIT' THEN e.amount_minor
                                                    ELSE -e.amount_minor END)
                             FROM ledger_transaction t
                             JOIN ledger_entry e ON e.transaction_id = t.id
                             WHERE t.payment_id = p.id
                               AND e.account = 'AUTHORIZATION_HOLD'), 0) AS hold,
                   (SELECT count(*) FROM ledger_transaction t
                    WHERE t.payment_id = p.id AND t.kind = 'AUTHORIZATION') AS postings,
                   (SELECT count(*) FROM simulated_provider_authorization a
                    WHERE a.idempotency_key = p.idempotency_key) AS provider_authorizations,
                   coalesce((SELECT r.calls FROM simulated_provider_request r
                             WHERE r.idempotency_key = p.idempotency_key), 0) AS provider_calls
            FROM payment p WHERE p.order_id = ANY(?)
            """,
            orderIds)
        .stream()
        .map(
            row ->
                new Payment(
                    (String) row.get("order_id"),
                    (String) row.get("state"),
                    (String) row.get("failure_reason"),
                    (Boolean) row.get("authorized"),
                    number(row, "amount"),
                    number(row, "captured"),
                    number(row, "released_minor"),
                    number(row, "hold"),
                    number(row, "postings"),
                    number(row, "provider_authorizations"),
                    number(row, "provider_calls")))
        .collect(Collectors.toMap(Payment::orderId, Function.identity()));
  }

  /** Authorisations the provider made for these orders, whether or not a payment recorded them. */
  long providerAuthorizations(Collection<String> orderIds) {
    return database.count(
        "SELECT count(*) FROM simulated_provider_authorization WHERE idempotency_key = ANY(?)",
        orderIds.stream().map(id -> "authorize:" + id).toList());
  }

  /**
   * The ledger of these orders balances: every transaction has two or more entries in its own
   * currency whose debits equal their credits; each payment's hold is what was authorised and
   * neither captured nor released (nothing once voided or failed); an authorisation is posted once
   * and made by the provider once, and only for an authorised payment.
   */
  void assertLedgerBalanced(Collection<String> orderIds) {
    List<String> unbalanced =
        database
            .rows(
                """
                SELECT t.reference FROM ledger_transaction t
                LEFT JOIN ledger_entry e ON e.transaction_id = t.id AND e.currency = t.currency
                WHERE t.order_id = ANY(?)
                GROUP BY t.id, t.reference
                HAVING count(e.line) < 2
                    OR count(e.line) <> (SELECT count(*) FROM ledger_entry a
                                         WHERE a.transaction_id = t.id)
                    OR sum(CASE e.side WHEN 'DEBIT' THEN e.amount_minor
                                       ELSE -e.amount_minor END) <> 0
                """,
                orderIds)
            .stream()
            .map(row -> (String) row.get("reference"))
            .toList();
    assertThat(unbalanced).as("unbalanced ledger transactions").isEmpty();
    for (Payment payment : of(orderIds).values()) {
      boolean held = payment.state().equals("AUTHORIZED");
      assertThat(payment.hold())
          .as("authorisation hold of order %s", payment.orderId())
          .isEqualTo(
              held ? payment.amountMinor() - payment.capturedMinor() - payment.releasedMinor() : 0);
      assertThat(payment.authorizationPostings())
          .as("authorisation postings of order %s", payment.orderId())
          .isEqualTo(payment.authorized() ? 1 : 0);
      assertThat(payment.providerAuthorizations())
          .as("provider authorisations of order %s", payment.orderId())
          .isEqualTo(payment.authorizationPostings());
    }
  }

  private static long number(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
