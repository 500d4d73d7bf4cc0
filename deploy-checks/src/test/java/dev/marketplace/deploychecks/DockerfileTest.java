package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/Dockerfile cannot be built here (no Docker), so its parts are checked: a pinned base
 * image, a numeric non-root user, an exec-form entry point (java is PID 1 and gets SIGTERM), a
 * container-aware heap; and its layer extraction is run on the real runnable jars, checking that
 * the directories it copies, put together as the image does, make a complete application.
 */
class DockerfileTest {

  static final Path DOCKERFILE = Repository.resolve("deploy/Dockerfile");
  private static final Pattern COPY_LAYER =
      Pattern.compile("(?m)^COPY --from=layers /layers/(extracted/[a-z-]+)/ \\./$");
  private static final Pattern EXTRACT =
      Pattern.compile("java (-Djarmode=tools -jar application\\.jar extract [^\\\\&\\n]+)");

  private final String dockerfile = Yaml.text(DOCKERFILE);

  @Test
  void usesAPinnedBaseImageANonRootUserAndAnExecFormEntryPoint() {
    Matcher base = Pattern.compile("(?m)^ARG JRE_IMAGE=(\\S+)$").matcher(dockerfile);
    assertThat(base.find()).as("ARG JRE_IMAGE with a default").isTrue();
    assertThat(DeploymentPolicy.pinned(base.group(1))).as(base.group(1)).isTrue();
    assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM ")))
        .allMatch(l -> l.startsWith("FROM ${JRE_IMAGE}"));

    Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
    assertThat(user.find()).isTrue();
    assertThat(user.group(1)).matches("[1-9][0-9]*:[1-9][0-9]*");

    assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"java\", ");
    assertThat(dockerfile).containsPattern("(?m)^ENV JDK_JAVA_OPTIONS=\".*-XX:MaxRAMPercentage=");
  }

  static Stream<Path> serviceJars() throws IOException {
    Path dir = Path.of(System.getProperty("deploy-checks.services-dir", "target/services"));
    try (Stream<Path> jars = Files.list(dir)) {
      return jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serviceJars")
  void theLayersItCopiesMakeACompleteApplication(Path jar, @TempDir Path work) throws Exception {
    Matcher extract = EXTRACT.matcher(dockerfile);
    assertThat(extract.find()).as("the Dockerfile's extract command").isTrue();
    Files.copy(jar, work.resolve("application.jar"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(extract.group(1).strip().split("\\s+")));
    Process process =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    // Put the layers together the way the COPY instructions do.
    Path app = Files.createDirectories(work.resolve("app"));
    Matcher copy = COPY_LAYER.matcher(dockerfile);
    List<String> layers = new ArrayList<>();
    while (copy.find()) {
      layers.add(copy.group(1));
      Path layer = work.resolve(copy.group(1));
      if (Files.isDirectory(layer)) {
        copyTree(layer, app);
      }
    }
    assertThat(layers)
        .containsExactly(
            "extracted/dependencies",
            "extracted/spring-boot-loader",
            "extracted/snapshot-dependencies",
            "extracted/application");

    Path launcher = app.resolve("application.jar");
    assertThat(launcher).exists();
    try (JarFile jarFile = new JarFile(launcher.toFile())) {
      Manifest manifest = jarFile.getManifest();
      assertThat(manifest.getMainAttributes().getValue("Main-Class")).isNotBlank();
      String classPath = manifest.getMainAttributes().getValue("Class-Path");
      assertThat(classPath).isNotBlank();
      for (String entry : classPath.split(" ")) {
        assertThat(app.resolve(entry)).as("Class-Path entry %s", entry).exists();
      }
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
