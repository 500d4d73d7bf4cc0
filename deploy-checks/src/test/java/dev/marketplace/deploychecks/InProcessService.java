package dev.marketplace.deploychecks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service's Spring application started in this JVM on a random port, configured the way its own
 * integration tests configure it (testkit servers), so its {@code /actuator/prometheus} shows what
 * the deployed service shows.
 *
 * <p>Both services share this test classpath, which a deployed service never does. So each is
 * started with its own application.yaml named explicitly (both jars have one at the root, and
 * {@code classpath:application.yaml} would find the first for both), and without the
 * auto-configurations of the other's store (catalog without Elasticsearch, search without MongoDB):
 * otherwise each would expose the other's client metrics and the check would pass for the wrong
 * reason. A service on another web stack (a reactive gateway) will need its own JVM instead.
 */
final class InProcessService implements AutoCloseable {

  private static final String AUTO_CONFIGURATIONS =
      "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final ConfigurableApplicationContext context;

  private InProcessService(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  /**
   * @param foreignModules Spring Boot modules (artifact ids) whose auto-configurations stay off
   */
  static InProcessService start(
      String name,
      Class<?> application,
      Map<String, String> properties,
      List<String> foreignModules) {
    List<String> args = new ArrayList<>();
    // Command-line arguments outrank the service's application.yaml (default properties do not).
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    args.add("--spring.config.location=" + ownApplicationYaml(name));
    args.add("--server.port=0");
    args.add(
        "--spring.autoconfigure.exclude=" + String.join(",", autoConfigurations(foreignModules)));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
    return new InProcessService(name, context);
  }

  String name() {
    return name;
  }

  String url() {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  String scrape() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/actuator/prometheus"))
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

  @Override
  public void close() {
    context.close();
  }

  /** The service's application.yaml, from its own jar (or classes directory). */
  static String ownApplicationYaml(String service) {
    Pattern inModule = Pattern.compile("/" + Pattern.quote(service) + "[-/]");
    try {
      List<URL> own =
          Collections.list(InProcessService.class.getClassLoader().getResources("application.yaml"))
              .stream()
              .filter(url -> inModule.matcher(url.toString()).find())
              .toList();
      if (own.size() != 1) {
        throw new IllegalStateException("expected one application.yaml of " + service + ": " + own);
      }
      return own.getFirst().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The auto-configuration classes declared by the given modules' jars on the classpath. */
  static List<String> autoConfigurations(List<String> modules) {
    List<String> classes = new ArrayList<>();
    try {
      for (URL url :
          Collections.list(
              InProcessService.class.getClassLoader().getResources(AUTO_CONFIGURATIONS))) {
        boolean foreign =
            modules.stream()
                .anyMatch(
                    m ->
                        Pattern.compile("/" + Pattern.quote(m) + "-\\d")
                            .matcher(url.toString())
                            .find());
        if (foreign) {
          try (InputStream in = url.openStream()) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(classes::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (classes.isEmpty()) {
      throw new IllegalStateException("no auto-configurations found for " + modules);
    }
    return classes;
  }
}
