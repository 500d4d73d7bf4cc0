package dev.marketplace.testkit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;

/**
 * Stops a shared test server when the JVM exits, after every Spring application in the JVM has
 * closed. In a JVM shutdown hook of its own it would stop while the test contexts close (hooks run
 * in no order), and a context that still needs it then waits: Spring Modulith's registry reads
 * incomplete publications from PostgreSQL when it closes, and waited 30 s for a connection to a
 * stopped server until Surefire killed the JVM.
 *
 * <p>Spring Boot runs its shutdown handlers after it has closed the contexts it knows, test
 * contexts included, but only in a JVM where a Spring application started. Where none did (the
 * testkit's own tests, a local stack), a hook of its own stops the server instead.
 */
final class ServerShutdown {

  /** The name of the thread Spring Boot's shutdown hook runs in. */
  private static final String SPRING_BOOT_HOOK = "SpringApplicationShutdownHook";

  private ServerShutdown() {}

  static void afterApplications(Runnable stop) {
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable once =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            stop.run();
          }
        };
    SpringApplication.getShutdownHandlers().add(once);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (!springBootStopsApplications()) {
                    once.run();
                  }
                },
                "test-server-stop"));
  }

  /**
   * Whether Spring Boot's shutdown hook is running, and so will run the handler once its contexts
   * are closed. The JVM starts all hooks at once; a moment's wait lets it start Boot's.
   */
  private static boolean springBootStopsApplications() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals(SPRING_BOOT_HOOK) && thread.isAlive());
  }
}
