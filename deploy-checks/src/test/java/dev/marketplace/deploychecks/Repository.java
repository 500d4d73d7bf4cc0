package dev.marketplace.deploychecks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository's deployment files, resolved from the build (or the working dir). */
final class Repository {

  private Repository() {}

  static Path root() {
    String configured = System.getProperty("deploy-checks.repository-root");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
          && Files.isDirectory(dir.resolve("k8s"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root (with docker-compose.yml) above " + start);
  }

  static Path resolve(String relative) {
    return root().resolve(relative);
  }
}
