package dev.marketplace.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One marketplace service running from its jar as a separate JVM, as in production. Its output goes
 * to a log file; it stops with its launcher (see {@code marketplace.parent-pid}). Crash tests can
 * {@link #kill()} it and {@link #restart()} it with the same command line.
 */
public final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final int port;
  private volatile List<String> command;
  private final Path log;
  private volatile Process process;

  private ServiceProcess(String name, int port, List<String> command, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.command = List.copyOf(command);
    this.log = log;
    this.process = process;
  }

  public static ServiceProcess start(
      String name, Path jar, int port, Map<String, String> properties, Path logDir, String heap) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build the services first (./mvnw -DskipTests install)");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    // Only the quick C1 compiler: seven JVMs share a developer's few cores with the servers, and
    // the optimising C2 compiler spent two thirds of order-service's CPU still compiling minutes
    // into the checkout benchmark; with C1 alone the stack sustains about twice the checkouts
    // (docs/benchmarks.md, Checkout). Production pods keep the JVM's default (both compilers).
    List<String> command =
        new ArrayList<>(
            List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    // Extra JVM options for every service, later ones win, e.g.
    // -Dmarketplace.local-stack.service-jvm-args=-XX:StartFlightRecording
    // -Dmarketplace.local-stack.service-jvm-args=-XX:TieredStopAtLevel=4 (C2 as well)
    String extra =
        System.getProperty("marketplace.local-stack.service-jvm-args", "").replace("{name}", name);
    if (!extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString()));
    command.add("--server.port=" + port);
    command.add("--marketplace.parent-pid=" + ProcessHandle.current().pid());
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(name + ".log");
      return new ServiceProcess(
          name, port, command, log, launch(command, ProcessBuilder.Redirect.to(log.toFile())));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  private static Process launch(List<String> command, ProcessBuilder.Redirect output)
      throws IOException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
  }

  /**
   * Kills the service the way a crash, the OOM killer or {@code kill -9} does (SIGKILL): no
   * shutdown hook runs, nothing in flight is finished, no offset is committed. Returns once the
   * process is gone.
   */
  public void kill() {
    try {
      if (!process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts the stopped service again with the same command line (port, database, settings), as a
   * supervisor would; its log continues in the same file. Call {@link #awaitReady} next.
   */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    try {
      process = launch(command, ProcessBuilder.Redirect.appendTo(log.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not restart " + name, e);
    }
  }

  /**
   * Starts the stopped service again with some settings changed, as a redeployment with a new
   * configuration does (a rotated key, a new limit); later restarts keep the change.
   */
  public void restart(Map<String, String> changedProperties) {
    List<String> changed = new ArrayList<>();
    for (String argument : command) {
      // Spring joins repeated --key=value arguments into a list, so a setting is replaced in place.
      boolean replaced =
          changedProperties.keySet().stream()
              .anyMatch(key -> argument.startsWith("--" + key + "="));
      if (!replaced) {
        changed.add(argument);
      }
    }
    changedProperties.forEach((key, value) -> changed.add("--" + key + "=" + value));
    command = List.copyOf(changed);
    restart();
  }

  /** Waits until the service reports itself ready to take traffic. */
  public void awaitReady(Duration timeout) {
    Process process = this.process;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readiness =
        HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up; see " + log);
      }
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  public String name() {
    return name;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  public Path log() {
    return log;
  }

  /** The service's OS process: to signal it without waiting ({@code destroy()} is SIGTERM). */
  public Process process() {
    return process;
  }

  /** Graceful stop (SIGTERM), forced after 30 s. */
  @Override
  public void close() {
    Process process = this.process;
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
