package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;

/**
 * Every service module of the build (a module of the root pom named {@code *-service}) is deployed
 * wherever the others are, so that a new service cannot be forgotten in one place:
 *
 * <ul>
 *   <li>docker-compose.yml: a core-profile service built from deploy/Dockerfile with the module's
 *       runnable jar, its image named after it, on the port its application.yaml defaults to;
 *   <li>every Kubernetes environment: a Deployment and a Service of its name, the container on that
 *       port and annotated for Prometheus on it, its image listed in the overlay's images;
 *   <li>the gateway routes to every other service ({@code marketplace.gateway.services});
 *   <li>{@link DockerfileTest} extracts the layers of its runnable jar;
 *   <li>compose and Kubernetes set every environment variable its application.yaml needs from
 *       outside: those without a default, those whose default points at localhost (wrong in a
 *       container) and credentials (user names, passwords, secrets, keys).
 * </ul>
 *
 * Scrape targets, start order, NetworkPolicies and stores are checked per service by {@link
 * ComposeFileTest} and {@link NetworkAccessTest}; this test makes sure they see every service.
 */
class EveryServiceIsDeployedTest {

  static final Path ROOT_POM = Repository.resolve("pom.xml");
  static final String DOCKERFILE = "deploy/Dockerfile";

  /** ${NAME} or ${NAME:default} with an environment-variable name and no placeholder inside. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^${}]*))?}");

  private static final Pattern CREDENTIAL = Pattern.compile(".*(USER|PASSWORD|SECRET|_KEY)");
  private static final Pattern HTTP_PORT = Pattern.compile("(?m)^\\s+port: \\$\\{PORT:(\\d+)}");

  static final String NO_DEFAULT = "no default";
  static final String LOCALHOST = "its default points at localhost";
  static final String CREDENTIAL_REASON = "a credential";

  /** The root pom's modules named *-service, in the pom's order. */
  static List<String> serviceModules() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList modules =
          factory.newDocumentBuilder().parse(ROOT_POM.toFile()).getElementsByTagName("module");
      List<String> services = new ArrayList<>();
      for (int i = 0; i < modules.getLength(); i++) {
        String module = modules.item(i).getTextContent().strip();
        if (module.endsWith("-service") && !services.contains(module)) {
          services.add(module);
        }
      }
      return services;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot read " + ROOT_POM, e);
    }
  }

  static Stream<String> services() {
    return serviceModules().stream();
  }

  @Test
  void theServiceModulesAreReadFromTheRootPom() {
    assertThat(serviceModules())
        .contains(
            "gateway-service",
            "customer-service",
            "catalog-service",
            "search-service",
            "order-service",
            "inventory-service",
            "payment-service");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void isAComposeServiceBuiltFromItsJarOnItsPortWithTheSettingsItNeeds(String module) {
    assertThat(composeProblems(module, Yaml.read(ComposeFileTest.COMPOSE))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.marketplace.deploychecks.NetworkAccessTest#environments")
  void everyServiceIsDeployedInEveryEnvironmentWithTheSettingsItNeeds(Path dir) {
    List<JsonNode> objects = Kustomize.render(dir);
    JsonNode kustomization = Yaml.read(dir.resolve("kustomization.yaml"));
    List<String> problems = new ArrayList<>();
    for (String module : serviceModules()) {
      problems.addAll(kubernetesProblems(module, objects, kustomization));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theGatewayRoutesToEveryOtherService() {
    JsonNode gateway = Yaml.read(applicationYaml("gateway-service"));
    Set<String> routed = new TreeSet<>();
    gateway
        .at("/marketplace/gateway/services")
        .properties()
        .forEach(service -> routed.add(service.getKey() + "-service"));
    assertThat(routed)
        .as("services in the gateway's marketplace.gateway.services")
        .containsExactlyInAnyOrderElementsOf(
            serviceModules().stream().filter(m -> !m.equals("gateway-service")).toList());
  }

  @Test
  void theLayersOfEveryServicesJarAreChecked() throws IOException {
    List<String> jars = new ArrayList<>();
    DockerfileTest.serviceJars().forEach(jar -> jars.add(jar.getFileName().toString()));
    assertThat(jars)
        .as("runnable jars DockerfileTest extracts (deploy-checks/pom.xml, copy-service-jars)")
        .containsAll(serviceModules().stream().map(m -> m + ".jar").toList());
  }

  // ------------------------------------------------------------------ the checks

  /** What is missing or wrong about a module in a compose file, one line each. */
  static List<String> composeProblems(String module, JsonNode compose) {
    List<String> problems = new ArrayList<>();
    JsonNode service = compose.path("services").path(module);
    if (service.isMissingNode()) {
      problems.add(module + ": not a service in docker-compose.yml");
      return problems;
    }
    List<String> profiles = new ArrayList<>();
    service.path("profiles").forEach(p -> profiles.add(p.asString()));
    if (!profiles.contains("core")) {
      problems.add(module + ": not in the core profile");
    }
    if (!service.at("/build/dockerfile").asString("").equals(DOCKERFILE)) {
      problems.add(module + ": not built from " + DOCKERFILE);
    }
    String jar = module + "/target/" + module + "-*-exec.jar";
    if (!service.at("/build/args/SERVICE_JAR").asString("").equals(jar)) {
      problems.add(module + ": SERVICE_JAR is not " + jar);
    }
    if (!service.path("image").asString("").startsWith("marketplace/" + module + ":")) {
      problems.add(module + ": image is not marketplace/" + module + ":<tag>");
    }
    JsonNode environment = service.path("environment");
    String port = String.valueOf(defaultPort(module));
    String configured = environment.path("PORT").asString("");
    if (!configured.equals(port)) {
      problems.add(
          module + ": PORT is '" + configured + "', its application.yaml's default is " + port);
    }
    requiredVariables(module)
        .forEach(
            (variable, reason) -> {
              if (!environment.has(variable)) {
                problems.add(module + ": " + variable + " is not set (" + reason + ")");
              }
            });
    return problems;
  }

  /** What is missing or wrong about a module in a rendered environment, one line each. */
  static List<String> kubernetesProblems(
      String module, List<JsonNode> objects, JsonNode kustomization) {
    List<String> problems = new ArrayList<>();
    JsonNode deployment = NetworkAccessTest.marketplaceDeployments(objects).get(module);
    if (deployment == null) {
      problems.add(module + ": no Deployment labelled app.kubernetes.io/part-of=marketplace");
      return problems;
    }
    boolean service =
        DeploymentPolicy.ofKind(objects, "Service").stream()
            .anyMatch(
                s ->
                    s.at("/metadata/name").asString().equals(module)
                        && s.at("/spec/ports/0/targetPort").asString("").equals("http"));
    if (!service) {
      problems.add(module + ": no Service " + module + " to its port http");
    }
    int port = defaultPort(module);
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    if (container.at("/ports/0/containerPort").asInt() != port) {
      problems.add(module + ": container port is not " + port + " (its application.yaml's)");
    }
    JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
    if (!annotations.path("prometheus.io/scrape").asString("").equals("true")
        || !annotations.path("prometheus.io/path").asString("").equals("/actuator/prometheus")
        || !annotations.path("prometheus.io/port").asString("").equals(String.valueOf(port))) {
      problems.add(module + ": not annotated for Prometheus on /actuator/prometheus, port " + port);
    }
    boolean pinned =
        kustomization
            .path("images")
            .valueStream()
            .anyMatch(i -> i.path("name").asString("").endsWith("/" + module));
    if (!pinned) {
      problems.add(module + ": no entry in the overlay's images (CI pins its tag there)");
    }

    Set<String> set = new TreeSet<>(NetworkAccessTest.config(objects, deployment).keySet());
    container.path("env").forEach(e -> set.add(e.path("name").asString()));
    boolean secretRef =
        container.path("envFrom").valueStream().anyMatch(source -> source.has("secretRef"));
    requiredVariables(module)
        .forEach(
            (variable, reason) -> {
              // A Secret read whole (envFrom) may hold secrets, but addresses belong in config.
              boolean fromSecret = secretRef && !reason.equals(LOCALHOST);
              if (!set.contains(variable) && !fromSecret) {
                problems.add(module + ": " + variable + " is not set (" + reason + ")");
              }
            });
    return problems;
  }

  // ------------------------------------------------------------------ the module's configuration

  static Path applicationYaml(String module) {
    Path resources = Repository.resolve(module + "/src/main/resources");
    Path yaml = resources.resolve("application.yaml");
    return Files.isRegularFile(yaml) ? yaml : resources.resolve("application.yml");
  }

  /** The HTTP port a module's application.yaml defaults to: server.port: ${PORT:8084}. */
  static int defaultPort(String module) {
    Matcher port = HTTP_PORT.matcher(Yaml.text(applicationYaml(module)));
    assertThat(port.find())
        .as("%s's application.yaml sets server.port: ${PORT:...}", module)
        .isTrue();
    return Integer.parseInt(port.group(1));
  }

  /**
   * The environment variables a module's application.yaml reads that a deployment must set, each
   * with the reason. Nested placeholders (${A:${B:x}/y}) count both, the outer one with the inner
   * one's default in its own.
   */
  static Map<String, String> requiredVariables(String module) {
    Map<String, String> required = new LinkedHashMap<>();
    String text = Yaml.text(applicationYaml(module));
    boolean found = true;
    while (found) {
      found = false;
      Matcher placeholder = PLACEHOLDER.matcher(text);
      StringBuilder resolved = new StringBuilder();
      while (placeholder.find()) {
        found = true;
        String variable = placeholder.group(1);
        String fallback = placeholder.group(2);
        if (fallback == null) {
          required.put(variable, NO_DEFAULT);
        } else if (fallback.contains("localhost") || fallback.contains("127.0.0.1")) {
          required.put(variable, LOCALHOST);
        } else if (CREDENTIAL.matcher(variable).matches()) {
          required.put(variable, CREDENTIAL_REASON);
        }
        placeholder.appendReplacement(
            resolved, Matcher.quoteReplacement(fallback == null ? "" : fallback));
      }
      placeholder.appendTail(resolved);
      text = resolved.toString();
    }
    return required;
  }
}
