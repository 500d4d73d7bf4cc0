package dev.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold of the ledger at any moment, checked with SQL against the tables themselves:
 *
 * <ul>
 *   <li>every transaction has two or more entries in its own currency and balances (debits equal
 *       credits);
 *   <li>each payment's AUTHORIZATION_HOLD balance is what is authorised and neither captured nor
 *       released (zero once voided), and each vendor's CAPTURED balance is its captured part less
 *       its refund;
 *   <li>an authorised payment has exactly one authorisation posting and the provider exactly one
 *       authorisation for it.
 * </ul>
 */
public final class LedgerAssertions {

  private LedgerAssertions() {}

  public static void assertConsistent(JdbcClient jdbc) {
    assertThat(
            jdbc.sql(
                    """
                    SELECT t.reference FROM ledger_transaction t
                    LEFT JOIN ledger_entry e ON e.transaction_id = t.id AND e.currency = t.currency
                    GROUP BY t.id, t.reference
                    HAVING count(e.line) < 2
                        OR count(e.line) <> (SELECT count(*) FROM ledger_entry a
                                             WHERE a.transaction_id = t.id)
                        OR sum(CASE e.side WHEN 'DEBIT' THEN e.amount_minor
                                           ELSE -e.amount_minor END) <> 0
                    """)
                .query(String.class)
                .list())
        .as("unbalanced ledger transactions")
        .isEmpty();

    Map<String, Long> balances = new HashMap<>();
    jdbc.sql(
            """
            SELECT t.payment_id, e.account, coalesce(e.vendor_id, '') AS vendor,
                   sum(CASE e.side WHEN 'DEBIT' THEN e.amount_minor ELSE -e.amount_minor END) AS b
            FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id
            GROUP BY t.payment_id, e.account, coalesce(e.vendor_id, '')
            """)
        .query(
            row -> {
              balances.put(
                  row.getString(1) + "/" + row.getString(2) + "/" + row.getString(3),
                  row.getLong(4));
            });

    List<Map<String, Object>> payments =
        jdbc.sql(
                """
                SELECT p.id, p.order_id, p.state, p.amount_minor, p.released_minor,
                       p.provider_authorization_id IS NOT NULL AS authorized,
                       coalesce((SELECT sum(captured_minor) FROM vendor_part v
                                 WHERE v.payment_id = p.id), 0) AS captured,
                       (SELECT count(*) FROM ledger_transaction t
                        WHERE t.payment_id = p.id AND t.kind = 'AUTHORIZATION') AS postings,
                       (SELECT count(*) FROM simulated_provider_authorization a
                        WHERE a.idempotency_key = p.idempotency_key) AS provider_authorizations
                FROM payment p
                """)
            .query()
            .listOfRows();
    for (Map<String, Object> payment : payments) {
      String id = payment.get("id").toString();
      String order = (String) payment.get("order_id");
      long authorizations = (Boolean) payment.get("authorized") ? 1 : 0;
      long expectedHold =
          authorizations == 0
              ? 0
              : ((Number) payment.get("amount_minor")).longValue()
                  - ((Number) payment.get("captured")).longValue()
                  - ((Number) payment.get("released_minor")).longValue();
      assertThat(balances.getOrDefault(id + "/AUTHORIZATION_HOLD/", 0L))
          .as("authorisation hold of order " + order)
          .isEqualTo(expectedHold);
      if ("VOIDED".equals(payment.get("state"))) {
        assertThat(expectedHold).as("hold of voided order " + order).isZero();
      }
      assertThat(((Number) payment.get("postings")).longValue())
          .as("authorisation postings of order " + order)
          .isEqualTo(authorizations);
      assertThat(((Number) payment.get("provider_authorizations")).longValue())
          .as("provider authorisations of order " + order)
          .isEqualTo(authorizations);
    }

    jdbc.sql("SELECT payment_id, vendor_id, captured_minor - refunded_minor FROM vendor_part")
        .query(
            row -> {
              String key = row.getString(1) + "/CAPTURED/" + row.getString(2);
              assertThat(balances.getOrDefault(key, 0L))
                  .as("captured balance " + key)
                  .isEqualTo(row.getLong(3));
            });
    balances.forEach(
        (account, balance) -> {
          if (!account.contains("/CARDHOLDER/")) {
            assertThat(balance).as("balance of " + account).isNotNegative();
          }
        });
  }
}
