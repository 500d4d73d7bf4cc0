package dev.marketplace.customer.erasure;

import dev.marketplace.customer.erasure.ErasureReport.ServiceConfirmation;
import dev.marketplace.customer.erasure.ErasureReport.Status;
import dev.marketplace.platform.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a customer's erasure report when the account is erased, records each service's confirmation
 * (idempotently), and reads the report.
 */
@Service
public class ErasureReports {

  /** This service, which confirms its own part as it erases. */
  public static final String CUSTOMER_SERVICE = "customer-service";

  private final JdbcClient jdbc;
  private final List<String> expected;
  private final SecureRandom random = new SecureRandom();

  ErasureReports(
      JdbcClient jdbc,
      @Value("${marketplace.erasure.services:order-service,payment-service}")
          List<String> otherServices) {
    this.jdbc = jdbc;
    List<String> all = new ArrayList<>(List.of(CUSTOMER_SERVICE));
    all.addAll(otherServices);
    this.expected = List.copyOf(all);
  }

  /**
   * Opens the report, with this service's own confirmation, in the erasure's transaction.
   *
   * @return the key the shopper reads the report with (shown once; only its hash is kept)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String open(UUID customerId, Instant now, List<String> ownActions) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    jdbc.sql(
            "INSERT INTO erasure_report (customer_id, report_key_hash, expected, requested_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(customerId, hash(key), String.join(",", expected), Timestamp.from(now))
        .update();
    confirm(customerId, CUSTOMER_SERVICE, ownActions, now);
    return key;
  }

  /**
   * Records a service's confirmation. The first one stands: a repeat (a redelivery, or a second
   * erasure event finding nothing left) does not replace what was done with "nothing". One for a
   * customer without a report is ignored.
   */
  @Transactional
  public void confirm(UUID customerId, String service, List<String> actions, Instant at) {
    jdbc.sql(
            """
            INSERT INTO erasure_confirmation (customer_id, service, actions, confirmed_at)
            SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM erasure_report WHERE customer_id = ?)
            ON CONFLICT (customer_id, service) DO NOTHING
            """)
        .params(customerId, service, String.join("\n", actions), Timestamp.from(at), customerId)
        .update();
  }

  @Transactional(readOnly = true)
  public ErasureReport byKey(String key) {
    return jdbc.sql("SELECT customer_id FROM erasure_report WHERE report_key_hash = ?")
        .param(hash(key))
        .query(UUID.class)
        .optional()
        .map(this::byCustomer)
        .orElseThrow(() -> new NotFoundException("No erasure report with this key."));
  }

  @Transactional(readOnly = true)
  public ErasureReport byCustomer(UUID customerId) {
    record Opened(Instant requestedAt, List<String> expected) {}
    Opened opened =
        jdbc.sql("SELECT requested_at, expected FROM erasure_report WHERE customer_id = ?")
            .param(customerId)
            .query(
                (row, n) ->
                    new Opened(
                        row.getTimestamp(1).toInstant(),
                        Arrays.asList(row.getString(2).split(","))))
            .optional()
            .orElseThrow(
                () -> new NotFoundException("No erasure report for customer " + customerId + "."));
    Map<String, ServiceConfirmation> byService = new LinkedHashMap<>();
    opened.expected().forEach(s -> byService.put(s, pending(s)));
    jdbc.sql(
            "SELECT service, actions, confirmed_at FROM erasure_confirmation"
                + " WHERE customer_id = ? ORDER BY confirmed_at")
        .param(customerId)
        .query(
            (row, n) ->
                new ServiceConfirmation(
                    row.getString(1),
                    Status.CONFIRMED,
                    row.getTimestamp(3).toInstant(),
                    List.of(row.getString(2).split("\n"))))
        .list()
        .forEach(c -> byService.put(c.service(), c));
    boolean complete = byService.values().stream().allMatch(c -> c.status() == Status.CONFIRMED);
    return new ErasureReport(
        customerId, opened.requestedAt(), complete, List.copyOf(byService.values()));
  }

  private static ServiceConfirmation pending(String service) {
    return new ServiceConfirmation(service, Status.PENDING, null, List.of());
  }

  private static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
