package dev.marketplace.localstack.benchmark;

import dev.marketplace.testkit.PostgresTestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference the checkout target is set against: {@code pgbench -N} (the TPC-B-like script
 * without the updates of the small tellers and branches tables, so the clients do not queue on a
 * few hot rows) in a database of its own on the PostgreSQL server the services use, on the same
 * cores. The database is dropped afterwards.
 */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
  private static final String DATABASE = "pgbench";

  /** Transactions a second, and what the server is and how it commits. */
  record Result(double tps, String server) {}

  private Pgbench() {}

  /** Runs against the server of {@code maintenanceUrl}, the JDBC URL of its postgres database. */
  static Result run(
      String maintenanceUrl, String executable, int scale, int clients, int threads, int seconds)
      throws IOException, InterruptedException, SQLException {
    URI server = URI.create(maintenanceUrl.substring("jdbc:".length()));
    String description;
    try (Connection admin = admin(maintenanceUrl);
        Statement statement = admin.createStatement()) {
      description = describe(statement);
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    try {
      List<String> connection =
          List.of(
              "-h",
              server.getHost(),
              "-p",
              String.valueOf(server.getPort()),
              "-U",
              PostgresTestServer.user());
      pgbench(executable, connection, "-i", "-q", "-s", String.valueOf(scale));
      String output =
          pgbench(
              executable,
              connection,
              "-N",
              "-c",
              String.valueOf(clients),
              "-j",
              String.valueOf(threads),
              "-T",
              String.valueOf(seconds));
      Matcher tps = TPS.matcher(output);
      if (!tps.find()) {
        throw new IllegalStateException("no tps in pgbench's output:\n" + output);
      }
      return new Result(Double.parseDouble(tps.group(1)), description);
    } finally {
      try (Connection admin = admin(maintenanceUrl);
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      }
    }
  }

  private static String pgbench(String executable, List<String> connection, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable));
    command.addAll(connection);
    command.addAll(List.of(arguments));
    command.add(DATABASE);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", PostgresTestServer.password());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  /** Version and the settings that decide how fast a commit is. */
  private static String describe(Statement statement) throws SQLException {
    try (ResultSet row =
        statement.executeQuery(
            "SELECT current_setting('server_version'), current_setting('synchronous_commit'),"
                + " current_setting('fsync'), current_setting('shared_buffers')")) {
      row.next();
      return "PostgreSQL %s, synchronous_commit=%s, fsync=%s, shared_buffers=%s"
          .formatted(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
    }
  }

  private static Connection admin(String maintenanceUrl) throws SQLException {
    return DriverManager.getConnection(
        maintenanceUrl, PostgresTestServer.user(), PostgresTestServer.password());
  }
}
