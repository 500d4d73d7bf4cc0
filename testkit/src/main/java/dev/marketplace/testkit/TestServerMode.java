package dev.marketplace.testkit;

import org.testcontainers.DockerClientFactory;

/**
 * Which servers the tests use: {@code embedded} (default; binaries and in-process servers from
 * Maven Central) or {@code docker} (Testcontainers images; chosen by the Maven profile {@code
 * docker}, which sets the system property {@code marketplace.testkit.mode}).
 */
public enum TestServerMode {
  EMBEDDED,
  DOCKER;

  public static TestServerMode current() {
    String mode = System.getProperty("marketplace.testkit.mode", "embedded");
    return "docker".equalsIgnoreCase(mode) ? DOCKER : EMBEDDED;
  }

  /**
   * Fails with a plain explanation instead of Testcontainers' long stack trace when there is no
   * engine.
   */
  static void requireDocker() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException(
          "The 'docker' test profile runs the integration tests against Docker images, but no Docker"
              + " engine is reachable from this machine. Start Docker, or run without -Pdocker to use the"
              + " embedded servers.");
    }
  }
}
