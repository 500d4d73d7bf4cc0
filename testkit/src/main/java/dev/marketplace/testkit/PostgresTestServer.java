package dev.marketplace.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server (zonky's embedded binaries, which run as root) shared by the test JVM;
 * each test class gets a database of its own.
 */
public final class PostgresTestServer {

  private static final String USER = "postgres";
  private static final String PASSWORD = "postgres";

  private static volatile String host;
  private static volatile int port;

  private PostgresTestServer() {}

  private static synchronized void start() {
    if (host != null) {
      return;
    }
    if (TestServerMode.current() == TestServerMode.DOCKER) {
      TestServerMode.requireDocker();
      PostgreSQLContainer postgres =
          new PostgreSQLContainer("postgres:17").withUsername(USER).withPassword(PASSWORD);
      postgres.start();
      ServerShutdown.afterApplications(postgres::stop);
      port = postgres.getMappedPort(5432);
      host = postgres.getHost();
    } else {
      EmbeddedPostgres postgres = startPrivateServer();
      ServerShutdown.afterApplications(() -> close(postgres));
      port = postgres.getPort();
      host = "127.0.0.1";
    }
  }

  /**
   * Starts an embedded server of the caller's own, which the caller stops with {@link
   * #close(EmbeddedPostgres)}: for a caller that must stop its clients before their server (the
   * shared server stops only as the JVM exits).
   */
  public static EmbeddedPostgres startPrivateServer() {
    try {
      // Not zonky's own shutdown hook, which would stop the server while the applications that
      // use it still close: its owner stops it (the shared one: ServerShutdown).
      return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  /** The JDBC URL of a database on a server of the caller's own. */
  public static String jdbcUrl(EmbeddedPostgres server, String database) {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
  }

  /** Creates a database on a server of the caller's own and returns its JDBC URL. */
  public static String createDatabase(EmbeddedPostgres server, String database) {
    createDatabase(jdbcUrl(server, "postgres"), database);
    return jdbcUrl(server, database);
  }

  /** Creates the namespace's database and returns its JDBC URL. */
  public static String createDatabase(TestNamespace namespace) {
    createDatabase(jdbcUrl("postgres"), namespace.identifier());
    return jdbcUrl(namespace.identifier());
  }

  private static void createDatabase(String adminUrl, String database) {
    try (Connection admin = DriverManager.getConnection(adminUrl, USER, PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }

  public static String jdbcUrl(String database) {
    start();
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Registers {@code spring.datasource.*} for a fresh database of the class's own. */
  public static void register(DynamicPropertyRegistry registry, TestNamespace namespace) {
    String url = createDatabase(namespace);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  /** Stops a server, deleting its data directory. */
  public static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
