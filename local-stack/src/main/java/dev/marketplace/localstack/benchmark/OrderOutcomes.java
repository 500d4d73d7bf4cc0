package dev.marketplace.localstack.benchmark;

import dev.marketplace.localstack.LocalStack;
import dev.marketplace.testkit.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What became of the placed orders, read from order-service's own tables: the order's {@code
 * placedAt} and its timeline's time per step, the same figures {@code GET /api/v1/orders/{id}}
 * shows, stamped by order-service's clock when each step committed, so no polling delay is in them.
 *
 * <p>Read from the database, not through the API: asking every shopper's order history once a
 * second while the stragglers settle would add load to the service being measured (and, in an
 * overloaded run, those reads timed out at the gateway). One query a second costs nothing.
 */
final class OrderOutcomes {

  private static final Set<String> SETTLED =
      Set.of("CONFIRMED", "CANCELLED", "PARTLY_SHIPPED", "SHIPPED", "DELIVERED", "COMPLETED");

  /**
   * One order's status (order-service's own, not the shopper's PENDING) and when it reached each
   * step: placed (stock asked for), stock reserved (payment asked for), confirmed; null if not.
   */
  record Outcome(
      String status, Instant placedAt, @Nullable Instant reserved, @Nullable Instant confirmed) {

    boolean settled() {
      return SETTLED.contains(status);
    }
  }

  private final String url;

  OrderOutcomes(LocalStack stack) {
    this.url = stack.databaseUrl("order");
  }

  /**
   * Reads the orders once a second until each is CONFIRMED or CANCELLED (or later), or {@code
   * timeout} passes; returns the last seen outcome of each order.
   */
  Map<String, Outcome> await(List<CheckoutLoad.Placed> placed, Duration timeout)
      throws SQLException, InterruptedException {
    Map<String, Outcome> outcomes = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection connection =
        DriverManager.getConnection(
            url, PostgresTestServer.user(), PostgresTestServer.password())) {
      while (true) {
        UUID[] open =
            placed.stream()
                .map(CheckoutLoad.Placed::orderId)
                .filter(id -> !outcomes.containsKey(id) || !outcomes.get(id).settled())
                .map(UUID::fromString)
                .toArray(UUID[]::new);
        if (open.length == 0 || System.nanoTime() > deadline) {
          return outcomes;
        }
        outcomes.putAll(read(connection, open));
        TimeUnit.SECONDS.sleep(1);
      }
    }
  }

  private static Map<String, Outcome> read(Connection connection, UUID[] ids) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            """
            SELECT o.id::text AS id, o.status, o.placed_at,
                   min(t.at) FILTER (WHERE t.status = 'AUTHORIZING_PAYMENT') AS reserved,
                   min(t.at) FILTER (WHERE t.status = 'CONFIRMED') AS confirmed
            FROM customer_order o JOIN order_timeline t ON t.order_id = o.id
            WHERE o.id = ANY(?)
            GROUP BY o.id, o.status, o.placed_at
            """)) {
      query.setArray(1, connection.createArrayOf("uuid", ids));
      Map<String, Outcome> outcomes = new HashMap<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          outcomes.put(
              row.getString("id"),
              new Outcome(
                  row.getString("status"),
                  row.getTimestamp("placed_at").toInstant(),
                  instant(row.getTimestamp("reserved")),
                  instant(row.getTimestamp("confirmed"))));
        }
      }
      return outcomes;
    }
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
