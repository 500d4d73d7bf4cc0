package dev.marketplace.testkit;

import org.springframework.boot.SpringApplication;

/**
 * Stops a shared test server when the JVM exits, after every Spring application in the JVM has
 * closed. In a JVM shutdown hook of its own it would stop while the test contexts close (hooks run
 * in no order), and a context that still needs it then waits: Spring Modulith's registry reads
 * incomplete publications from PostgreSQL when it closes, and waited 30 s for a connection to a
 * stopped server until Surefire killed the JVM. Spring Boot runs its shutdown handlers after it has
 * closed the contexts it knows, test contexts included.
 */
final class ServerShutdown {

  private ServerShutdown() {}

  static void afterApplications(Runnable stop) {
    SpringApplication.getShutdownHandlers().add(stop);
  }
}
