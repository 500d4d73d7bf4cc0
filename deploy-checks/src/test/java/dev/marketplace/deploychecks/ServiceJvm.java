package dev.marketplace.deploychecks;

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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A service run from its runnable jar (the one deploy/Dockerfile packs) as a JVM of its own, for
 * services that cannot share the test JVM: the reactive gateway (another web stack), and
 * customer-service, whose JPA, Flyway, Spring Modulith and authorization-server auto-configurations
 * would otherwise be on catalog's and search's classpath too. Each runs with exactly its deployed
 * classpath, so its {@code /actuator/prometheus} is what production scrapes. Its output goes to
 * {@code target/service-logs/<name>.log}; it exits with the test JVM ({@code
 * marketplace.parent-pid}).
 */
final class ServiceJvm implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final int managementPort;
  private final Process process;
  private final Path log;

  private ServiceJvm(String name, int port, int managementPort, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the service without waiting for it. {@code managementPort} is where its actuator
   * listens: {@code port} itself, or a port of its own ({@code management.server.port}).
   */
  static ServiceJvm start(
      String name, int port, int managementPort, String heap, Map<String, String> properties) {
    Path jar = servicesDir().resolve(name + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: the build copies it (generate-resources)");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-jar", jar.toString()));
    command.add("--server.port=" + port);
    if (managementPort != port) {
      command.add("--management.server.port=" + managementPort);
    }
    command.add("--marketplace.parent-pid=" + ProcessHandle.current().pid());
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Path logs = Files.createDirectories(Path.of("target", "service-logs"));
      Path log = logs.resolve(name + ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new ServiceJvm(name, port, managementPort, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** Waits until the readiness group answers UP. */
  ServiceJvm awaitReady(Duration timeout) {
    HttpRequest readiness =
        HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness")).build();
    try {
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(name + " exited during start-up; see " + log);
                }
                try {
                  return HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode()
                      == 200;
                } catch (IOException e) {
                  return false; // not listening yet
                }
              });
      return this;
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }
  }

  String name() {
    return name;
  }

  String url() {
    return "http://localhost:" + port;
  }

  String managementUrl() {
    return "http://localhost:" + managementPort;
  }

  Path log() {
    return log;
  }

  String scrape() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/prometheus"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(name + " /actuator/prometheus: " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM (a graceful stop), forced after 30 s. */
  @Override
  public void close() {
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

  static Path servicesDir() {
    return Path.of(System.getProperty("deploy-checks.services-dir", "target/services"));
  }
}
