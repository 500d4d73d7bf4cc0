package dev.marketplace.deploychecks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Renders kustomizations with {@code kubectl kustomize} (the kustomize built into kubectl), the way
 * {@code kubectl apply -k} would, and parses the output into one JSON tree per object.
 *
 * <p>Without kubectl the tests that need it are skipped with a message, unless the environment
 * variable {@code DEPLOY_CHECKS_REQUIRE_KUBECTL=true} is set (CI sets it in {@code .ci/run}), in
 * which case they fail: in CI a missing kubectl must not pass silently.
 */
final class Kustomize {

  private static final Map<Path, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();
  private static volatile Boolean available;

  private Kustomize() {}

  /** Every directory under k8s/ with a kustomization, plus the observability ConfigMaps. */
  static List<Path> kustomizations() {
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Repository.resolve("k8s"))) {
      files
          .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
          .map(Path::getParent)
          .sorted()
          .forEach(dirs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dirs.add(Repository.resolve("deploy/observability"));
    return dirs;
  }

  /** The environments that get applied: k8s/overlays/* and k8s/operators. */
  static List<Path> deployables() {
    return kustomizations().stream()
        .filter(d -> d.getParent().getFileName().toString().equals("overlays") || isOperators(d))
        .toList();
  }

  private static boolean isOperators(Path dir) {
    return dir.equals(Repository.resolve("k8s/operators"));
  }

  static List<JsonNode> render(Path dir) {
    requireKubectl();
    return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
  }

  /** Skips the calling test without kubectl (fails instead when CI requires kubectl). */
  static void requireKubectl() {
    if (available == null) {
      available = probe();
    }
    if (!available) {
      String message =
          "kubectl is not on the PATH, so the kustomize checks cannot run. Install kubectl"
              + " (it bundles kustomize) to run them.";
      if (Boolean.parseBoolean(System.getenv("DEPLOY_CHECKS_REQUIRE_KUBECTL"))) {
        throw new IllegalStateException(message + " DEPLOY_CHECKS_REQUIRE_KUBECTL is set.");
      }
      assumeTrue(false, message + " Skipped.");
    }
  }

  private static boolean probe() {
    try {
      Process version =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<JsonNode> run(Path dir) {
    try {
      Process kubectl =
          new ProcessBuilder("kubectl", "kustomize", dir.toString())
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .start();
      // Read stderr on the side so a full pipe can never block the process.
      CompletableFuture<String> stderr =
          CompletableFuture.supplyAsync(() -> readQuietly(kubectl.getErrorStream()));
      String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
        throw new AssertionError(
            "kubectl kustomize "
                + Repository.root().relativize(dir)
                + " failed:\n"
                + stderr.join());
      }
      return Yaml.documents(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String readQuietly(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
