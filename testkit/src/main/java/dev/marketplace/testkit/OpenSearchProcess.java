package dev.marketplace.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node OpenSearch server in a child JVM. The engine cannot share a JVM with Spring Boot
 * (they need different Jackson, log4j and netty versions), so module {@code opensearch-node} writes
 * its resolved classpath into its jar and this class starts {@code OpenSearchNodeMain} with it. The
 * child exits when its standard input closes, so it dies with this JVM even when this JVM is
 * killed.
 */
public final class OpenSearchProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpenSearchProcess.class);
  private static final String CLASSPATH_RESOURCE = "opensearch-node.classpath";
  private static final String READY_MARKER = "OPENSEARCH_READY ";
  private static final String MAIN_CLASS = "dev.marketplace.opensearchnode.OpenSearchNodeMain";

  private final Process process;
  private final Path baseDir;
  private final String url;

  private OpenSearchProcess(Process process, Path baseDir, String url) {
    this.process = process;
    this.baseDir = baseDir;
    this.url = url;
  }

  /**
   * Starts a node on a free port with data under a new temporary directory; waits until it is
   * ready.
   */
  public static OpenSearchProcess start(String heap) {
    try {
      return start(Files.createTempDirectory("marketplace-opensearch"), Ports.free(), heap);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static OpenSearchProcess start(Path baseDir, int httpPort, String heap) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        List.of(
            java,
            "-Xms" + heap,
            "-Xmx" + heap,
            "-XX:+UseSerialGC",
            "-Dlog4j2.disable.jmx=true",
            "-cp",
            classpath(),
            MAIN_CLASS,
            baseDir.toString(),
            Integer.toString(httpPort),
            Integer.toString(Ports.free()),
            "marketplace");
    try {
      Path logFile = baseDir.resolve("opensearch-node.log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      CompletableFuture<String> ready = watchOutput(process.getInputStream(), logFile);
      String url = ready.get(180, TimeUnit.SECONDS);
      log.info("OpenSearch is ready at {} (log: {})", url, logFile);
      return new OpenSearchProcess(process, baseDir, url);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start OpenSearch", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while OpenSearch was starting", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "OpenSearch did not become ready; see " + baseDir.resolve("opensearch-node.log"), e);
    }
  }

  public String url() {
    return url;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteRecursively(baseDir);
  }

  private static CompletableFuture<String> watchOutput(InputStream output, Path logFile) {
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("opensearch-output")
        .start(
            () -> {
              try (BufferedReader reader =
                      new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                  Writer logWriter = Files.newBufferedWriter(logFile)) {
                String line;
                while ((line = reader.readLine()) != null) {
                  logWriter.write(line);
                  logWriter.write('\n');
                  logWriter.flush();
                  // The engine routes System.out through its own logger, so the marker is mid-line.
                  int marker = line.indexOf(READY_MARKER);
                  if (marker >= 0) {
                    ready.complete(line.substring(marker + READY_MARKER.length()).trim());
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(new IllegalStateException("OpenSearch exited"));
            });
    return ready;
  }

  /** The engine's dependency classpath as the build resolved it, plus the launcher's own jar. */
  private static String classpath() {
    URL resource = OpenSearchProcess.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
    if (resource == null) {
      throw new IllegalStateException(
          CLASSPATH_RESOURCE + " is missing: build testkit/opensearch-node first (./mvnw install)");
    }
    try (InputStream in = resource.openStream()) {
      String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return launcherLocation(resource) + java.io.File.pathSeparator + dependencies;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String launcherLocation(URL resource) {
    String external = resource.toExternalForm();
    try {
      if (external.startsWith("jar:")) {
        String jar = external.substring("jar:".length(), external.indexOf("!/"));
        return Path.of(new URL(jar).toURI()).toString();
      }
      return Path.of(resource.toURI()).getParent().toString();
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException(
          "cannot locate the opensearch-node launcher at " + external, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("could not delete {}", dir, e);
    }
  }
}
