package dev.marketplace.customer.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.customer.TestKeys;
import dev.marketplace.platform.privacy.FieldCipher;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.TestNamespace;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rows written before values were bound to their place (sealed without associated data) are
 * re-sealed by the V6 migration: afterwards each opens only in its own row and column.
 */
class BindPersonalDataMigrationIT {

  private final FieldCipher cipher = new FieldCipher(Map.of("k1", TestKeys.ENCRYPTION_KEY), "k1");

  @Test
  void everyValueSealedBeforeIsBoundToItsRowAndColumn() throws Exception {
    String url = PostgresTestServer.createDatabase(TestNamespace.forClass(getClass()));
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(url, PostgresTestServer.user(), PostgresTestServer.password());
    Flyway.configure().dataSource(dataSource).target("5").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    UUID vendor = UUID.randomUUID();
    UUID ada = UUID.randomUUID();
    UUID grace = UUID.randomUUID();
    UUID home = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO vendor (id, name, contact_email, status, version, created_at, updated_at)"
                + " VALUES (?, 'Shop', ?, 'APPROVED', 0, now(), now())")
        .params(vendor, unbound("shop@example.com"))
        .update();
    for (UUID account : new UUID[] {ada, grace}) {
      jdbc.sql(
              "INSERT INTO account (id, kind, email_index, email, status, roles, given_name,"
                  + " family_name, created_at, updated_at, version) VALUES (?, 'SHOPPER', ?, ?,"
                  + " 'ACTIVE', 'SHOPPER', ?, ?, now(), now(), 0)")
          .params(
              account,
              "index-" + account,
              unbound(account + "@example.com"),
              unbound(account.equals(ada) ? "Ada" : "Grace"),
              unbound("Lovelace"))
          .update();
    }
    jdbc.sql(
            "INSERT INTO address (id, account_id, recipient, line1, city, postal_code, country,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())")
        .params(
            home,
            ada,
            unbound("Ada Lovelace"),
            unbound("12 St James's Square"),
            unbound("London"),
            unbound("SW1Y 4JH"),
            unbound("GB"))
        .update();

    Flyway.configure()
        .dataSource(dataSource)
        .javaMigrations(new V6__Bind_personal_data_to_rows(cipher))
        .load()
        .migrate();

    String adaGiven = column(jdbc, "account", "given_name", ada);
    assertThat(cipher.open(adaGiven, FieldCipher.context("account", "given_name", ada)))
        .isEqualTo("Ada");
    assertThat(
            cipher.open(
                column(jdbc, "vendor", "contact_email", vendor),
                FieldCipher.context("vendor", "contact_email", vendor)))
        .isEqualTo("shop@example.com");
    String line1 = column(jdbc, "address", "line1", home);
    assertThat(cipher.open(line1, FieldCipher.context("address", "line1", home)))
        .isEqualTo("12 St James's Square");
    assertThat(
            jdbc.sql("SELECT count(*) FROM address WHERE id = ? AND line2 IS NULL")
                .param(home)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // Bound now: Ada's name copied into Grace's row, or her street into the city column, fails.
    assertThatThrownBy(
            () -> cipher.open(adaGiven, FieldCipher.context("account", "given_name", grace)))
        .isInstanceOf(FieldCipher.UnreadableValueException.class);
    assertThatThrownBy(() -> cipher.open(line1, FieldCipher.context("address", "city", home)))
        .isInstanceOf(FieldCipher.UnreadableValueException.class);
    assertThatThrownBy(() -> cipher.openUnbound(adaGiven))
        .isInstanceOf(FieldCipher.UnreadableValueException.class);
  }

  private static String column(JdbcClient jdbc, String table, String column, UUID id) {
    return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /** A value as it was stored before V6: AES-256-GCM under k1 with no associated data. */
  private static String unbound(String plain) throws Exception {
    byte[] iv = new byte[12];
    new SecureRandom().nextBytes(iv);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(TestKeys.ENCRYPTION_KEY), "AES"),
        new GCMParameterSpec(128, iv));
    byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
    return "k1:"
        + Base64.getEncoder()
            .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
  }
}
