package dev.marketplace.customer.privacy;

import dev.marketplace.platform.privacy.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Re-seals every personal-data value stored before values were bound to their place: each is opened
 * without associated data and sealed again with its table, column and row, so a value copied to
 * another row or column no longer opens. It is a Java migration (Boot hands Flyway the bean)
 * because it needs the keys; its name follows Flyway's convention, which gives its version.
 */
@Component
public class V6__Bind_personal_data_to_rows extends BaseJavaMigration {

  /** Every sealed column, by table; each table's key is {@code id}. */
  static final Map<String, List<String>> SEALED_COLUMNS =
      Map.of(
          "account",
          List.of("email", "given_name", "family_name", "phone"),
          "vendor",
          List.of("contact_email"),
          "address",
          List.of(
              "label",
              "recipient",
              "line1",
              "line2",
              "city",
              "postal_code",
              "region",
              "country",
              "phone"));

  private final FieldCipher cipher;

  public V6__Bind_personal_data_to_rows(FieldCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    for (Map.Entry<String, List<String>> table : SEALED_COLUMNS.entrySet()) {
      for (String column : table.getValue()) {
        bind(connection, table.getKey(), column);
      }
    }
  }

  private void bind(Connection connection, String table, String column) throws SQLException {
    String select = "SELECT id, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL";
    String update = "UPDATE " + table + " SET " + column + " = ? WHERE id = ?";
    try (PreparedStatement rows = connection.prepareStatement(select);
        PreparedStatement write = connection.prepareStatement(update)) {
      rows.setFetchSize(500);
      try (ResultSet row = rows.executeQuery()) {
        int pending = 0;
        while (row.next()) {
          UUID id = row.getObject(1, UUID.class);
          String plain = cipher.openUnbound(row.getString(2));
          write.setString(1, cipher.seal(plain, FieldCipher.context(table, column, id)));
          write.setObject(2, id);
          write.addBatch();
          if (++pending == 500) {
            write.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          write.executeBatch();
        }
      }
    }
  }
}
