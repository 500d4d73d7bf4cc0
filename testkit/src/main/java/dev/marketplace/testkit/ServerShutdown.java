package dev.marketplace.testkit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops a shared test server when the JVM exits, after every Spring application in the JVM has
 * closed. In a JVM shutdown hook of its own it would stop while the test contexts close (hooks run
 * in no order), and a context that still needs it then waits: Spring Modulith's registry reads
 * incomplete publications from PostgreSQL when it closes, and waited 30 s for a connection to a
 * stopped server until Surefire killed the JVM.
 *
 * <p>Spring Boot runs its shutdown handlers after it has closed the contexts it knows, test
 * contexts included, but its shutdown hook exists only in a JVM where a Spring application started
 * ({@link ApplicationStarted} notes that). Where none did (the testkit's own tests, a local stack),
 * a hook of testkit's own stops the server instead.
 */
public final class ServerShutdown {

  private static final AtomicBoolean springApplicationStarted = new AtomicBoolean();

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
                  if (!springApplicationStarted.get()) {
                    once.run();
                  }
                },
                "test-server-stop"));
  }

  /**
   * Notes that a Spring application is about to refresh, which registers Spring Boot's shutdown
   * hook (registered in {@code META-INF/spring.factories}).
   */
  public static final class ApplicationStarted
      implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
      springApplicationStarted.set(true);
    }
  }
}
