package dev.marketplace.localstack;

import dev.marketplace.testkit.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only SQL against one service's database in the stack, for what no API shows (the simulated
 * provider's records, the ledger as a whole, reservations in flight). A {@link Collection}
 * parameter is bound as a text array, for {@code = ANY(?)}.
 */
final class ServiceDatabase {

  private final String url;

  ServiceDatabase(LocalStack stack, String service) {
    this.url = stack.databaseUrl(service);
  }

  long count(String sql, Object... parameters) {
    return ((Number) rows(sql, parameters).getFirst().values().iterator().next()).longValue();
  }

  List<Map<String, Object>> rows(String sql, Object... parameters) {
    try (Connection connection =
            DriverManager.getConnection(
                url, PostgresTestServer.user(), PostgresTestServer.password());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      connection.setReadOnly(true);
      for (int i = 0; i < parameters.length; i++) {
        Object value =
            parameters[i] instanceof Collection<?> values
                ? connection.createArrayOf("text", values.toArray())
                : parameters[i];
        statement.setObject(i + 1, value);
      }
      try (ResultSet result = statement.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= columns; c++) {
            row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
