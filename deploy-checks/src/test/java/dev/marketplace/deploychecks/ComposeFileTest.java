package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker-compose.yml is a valid Compose file (against the Compose specification's JSON schema) and
 * keeps the promises its comments make: pinned images, health checks and start order (each service
 * after exactly the stores it uses), secrets only from .env, the core profile within 6 GB, files it
 * mounts present, the gateway the only published service (its management port unpublished), and the
 * addresses services use for each other pointing at services that exist, on their ports.
 */
class ComposeFileTest {

  static final Path COMPOSE = Repository.resolve("docker-compose.yml");
  static final Path ENV_EXAMPLE = Repository.resolve("deploy/env.example");
  static final long CORE_MEMORY_BUDGET = 6L * 1024 * 1024 * 1024;

  /** The one service that publishes a port on every interface: the public entry. */
  static final String PUBLIC_ENTRY = "gateway-service";

  /** http://host:port in a service's environment (another service's address). */
  private static final Pattern SERVICE_ADDRESS =
      Pattern.compile("^https?://([a-z][a-z0-9-]*):(\\d+)(/.*)?$");

  private static final Pattern VARIABLE =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?([^}]*)}");

  private static JsonNode compose;

  @BeforeAll
  static void load() {
    compose = Yaml.read(COMPOSE);
  }

  @Test
  void isValidAgainstTheComposeSpecificationSchema() {
    assertThat(schemaErrors(compose)).isEmpty();
  }

  @Test
  void theSchemaCatchesMisspeltKeysAndWrongValues() {
    ObjectNode broken = (ObjectNode) compose.deepCopy();
    ObjectNode catalog = (ObjectNode) broken.at("/services/catalog-service");
    catalog.put("restart_policy", "always");
    ((ObjectNode) catalog.at("/depends_on/mongo")).put("condition", "service_ready");

    assertThat(schemaErrors(broken))
        .anySatisfy(e -> assertThat(e).contains("restart_policy"))
        .anySatisfy(e -> assertThat(e).contains("/services/catalog-service/depends_on"));
  }

  private static List<String> schemaErrors(JsonNode document) {
    Path schemaFile = Path.of(System.getProperty("deploy-checks.compose-schema"));
    ObjectNode schema = (ObjectNode) Yaml.JSON.readTree(Yaml.text(schemaFile));
    // The file names its draft as "http://json-schema.org/draft/2019-09/schema#" (the dialect is
    // set below instead) and still carries draft-4 "id" annotations, which 2019-09 does not know.
    // Formats such as "duration" (Go durations: 10s) are annotations only.
    schema.remove("$schema");
    removeDraft4Ids(schema);
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2019_09,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(false).build()));
    List<Error> errors = registry.getSchema(schema).validate(document);
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  @Test
  void everyServiceIsInAProfileAndEveryCoreServiceHasAHealthCheck() {
    services()
        .forEach(
            (name, service) -> {
              Set<String> profiles = strings(service.path("profiles"));
              assertThat(profiles)
                  .as("profiles of %s", name)
                  .containsAnyOf("core", "observability");
              if (profiles.contains("core")) {
                assertThat(service.path("healthcheck").path("test").isMissingNode())
                    .as("%s has a health check", name)
                    .isFalse();
              }
            });
  }

  @Test
  void servicesStartOnlyAfterWhatTheyDependOnIsHealthy() {
    services()
        .forEach(
            (name, service) ->
                service
                    .path("depends_on")
                    .properties()
                    .forEach(
                        dependency -> {
                          assertThat(dependency.getValue().path("condition").asString())
                              .as("%s waits for %s", name, dependency.getKey())
                              .isEqualTo("service_healthy");
                          assertThat(services().get(dependency.getKey()).has("healthcheck"))
                              .as("%s has a health check to wait for", dependency.getKey())
                              .isTrue();
                        }));
  }

  @Test
  void everyImageIsPinnedToARelease() {
    services()
        .forEach(
            (name, service) -> {
              String image = withDefaults(service.path("image").asString(""));
              assertThat(DeploymentPolicy.pinned(image)).as("%s image %s", name, image).isTrue();
            });
  }

  @Test
  void theCoreProfileFitsInSixGigabytes() {
    long total = 0;
    for (Map.Entry<String, JsonNode> entry : services().entrySet()) {
      if (strings(entry.getValue().path("profiles")).contains("core")) {
        String limit = entry.getValue().at("/deploy/resources/limits/memory").asString("");
        assertThat(limit).as("memory limit of %s", entry.getKey()).isNotEmpty();
        total += bytes(limit);
      }
    }
    assertThat(total).as("core profile memory limits").isLessThanOrEqualTo(CORE_MEMORY_BUDGET);
    // The budget comment at the top states the total; it stays true.
    Matcher stated =
        Pattern.compile("(?s)# Memory budget of the core profile.*?= (\\d+) MB")
            .matcher(Yaml.text(COMPOSE));
    assertThat(stated.find()).as("the memory budget comment states a total").isTrue();
    assertThat(Long.parseLong(stated.group(1)) * 1024 * 1024)
        .as("the total the memory budget comment states")
        .isEqualTo(total);
  }

  @Test
  void secretsComeFromTheEnvironmentAndEveryRequiredVariableIsInTheExample() {
    services()
        .forEach(
            (name, service) ->
                service
                    .path("environment")
                    .properties()
                    .forEach(
                        variable -> {
                          if (variable.getKey().matches(".*(PASSWORD|SECRET|TOKEN|_AUTH|_KEY)")) {
                            assertThat(variable.getValue().asString())
                                .as("%s %s comes from .env", name, variable.getKey())
                                .startsWith("${");
                          }
                        }));
    Set<String> example = new HashSet<>();
    for (String line : Yaml.text(ENV_EXAMPLE).lines().toList()) {
      if (line.contains("=") && !line.startsWith("#")) {
        example.add(line.substring(0, line.indexOf('=')).strip());
      }
    }
    Matcher variable = VARIABLE.matcher(Yaml.text(COMPOSE));
    while (variable.find()) {
      assertThat(example)
          .as("deploy/env.example defines ${%s}", variable.group(1))
          .contains(variable.group(1));
    }
  }

  @Test
  void onlyTheGatewayPublishesAPortOnEveryInterfaceAndNotItsManagementPort() {
    services()
        .forEach(
            (name, service) -> {
              for (JsonNode port : service.path("ports")) {
                if (!port.asString().startsWith("127.0.0.1:")) {
                  assertThat(name)
                      .as("%s publishes %s", name, port.asString())
                      .isEqualTo(PUBLIC_ENTRY);
                }
              }
            });
    JsonNode gateway = services().get(PUBLIC_ENTRY);
    String api = gateway.at("/environment/PORT").asString();
    String management = gateway.at("/environment/MANAGEMENT_SERVER_PORT").asString("");
    assertThat(management).as("the gateway's actuator has a port of its own").isNotBlank();
    assertThat(management).isNotEqualTo(api);
    List<String> published = new ArrayList<>();
    gateway.path("ports").forEach(p -> published.add(p.asString()));
    assertThat(published).as("published ports of the gateway").containsExactly(api + ":" + api);
  }

  @Test
  void addressesOfOtherServicesPointAtServicesOnTheirPorts() {
    Map<String, JsonNode> services = services();
    List<String> checked = new ArrayList<>();
    services.forEach(
        (name, service) ->
            service
                .path("environment")
                .properties()
                .forEach(
                    variable -> {
                      Matcher address =
                          SERVICE_ADDRESS.matcher(withDefaults(variable.getValue().asString("")));
                      if (address.matches() && services.containsKey(address.group(1))) {
                        JsonNode target = services.get(address.group(1));
                        if (target.at("/environment/PORT").isString()) {
                          assertThat(address.group(2))
                              .as("%s %s: port of %s", name, variable.getKey(), address.group(1))
                              .isEqualTo(target.at("/environment/PORT").asString());
                        }
                        checked.add(name + " " + variable.getKey());
                      }
                    }));
    // The gateway's routes and every service's token check (customer-service's key set).
    assertThat(checked)
        .contains(
            "gateway-service CATALOG_SERVICE_URI",
            "gateway-service SEARCH_SERVICE_URI",
            "gateway-service CUSTOMER_SERVICE_URI",
            "gateway-service ORDER_SERVICE_URI",
            "gateway-service INVENTORY_SERVICE_URI",
            "gateway-service PAYMENT_SERVICE_URI",
            "gateway-service AUTH_JWK_SET_URI",
            "catalog-service SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
            "search-service SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
            "order-service SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
            "inventory-service SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
            "payment-service SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI");
    // Every service the gateway's image is built for is routed to by the gateway.
    services.forEach(
        (name, service) -> {
          if (!name.equals(PUBLIC_ENTRY)
              && service.at("/build/dockerfile").asString("").equals("deploy/Dockerfile")) {
            String variable =
                name.replace("-service", "").toUpperCase(Locale.ROOT) + "_SERVICE_URI";
            assertThat(services.get(PUBLIC_ENTRY).at("/environment/" + variable).asString(""))
                .as("the gateway's %s", variable)
                .startsWith("http://" + name + ":");
          }
        });
  }

  /**
   * Each service waits for exactly the stores it uses: the ones its Kubernetes NetworkPolicy lets
   * it reach ({@link NetworkAccessTest#STORES}), under their compose names.
   */
  @Test
  void eachServiceWaitsForExactlyTheStoresItUses() {
    Map<String, String> composeNames =
        Map.of(
            "postgresql", "postgres",
            "mongodb", "mongo",
            "elasticsearch", "elasticsearch",
            "kafka", "kafka",
            "redis", "redis");
    services()
        .forEach(
            (name, service) -> {
              if (service.at("/build/dockerfile").asString("").equals("deploy/Dockerfile")) {
                assertThat(NetworkAccessTest.STORES)
                    .as("stores of %s stated", name)
                    .containsKey(name);
                Set<String> expected = new HashSet<>();
                NetworkAccessTest.STORES.get(name).forEach(s -> expected.add(composeNames.get(s)));
                Set<String> dependencies = new HashSet<>();
                service.path("depends_on").properties().forEach(d -> dependencies.add(d.getKey()));
                assertThat(dependencies).as("what %s waits for", name).isEqualTo(expected);
              }
            });
  }

  @Test
  void mountedFilesAndNamedVolumesExist() {
    Set<String> declared = new HashSet<>();
    compose.path("volumes").properties().forEach(v -> declared.add(v.getKey()));
    services()
        .forEach(
            (name, service) -> {
              for (JsonNode volume : service.path("volumes")) {
                String source = volume.asString().split(":")[0];
                if (source.startsWith(".")) {
                  assertThat(Repository.resolve(source)).as("%s mounts %s", name, source).exists();
                } else {
                  assertThat(declared).as("%s uses volume %s", name, source).contains(source);
                }
              }
            });
  }

  @Test
  void everyServiceBuiltFromTheDockerfileIsScrapedByPrometheus() {
    String prometheus =
        Yaml.text(Repository.resolve("deploy/observability/prometheus/prometheus.yml"));
    services()
        .forEach(
            (name, service) -> {
              if (service.at("/build/dockerfile").asString("").equals("deploy/Dockerfile")) {
                assertThat(Files.isDirectory(Repository.resolve(name)))
                    .as("module %s exists", name)
                    .isTrue();
                JsonNode environment = service.path("environment");
                String port =
                    environment
                        .path("MANAGEMENT_SERVER_PORT")
                        .asString(environment.path("PORT").asString());
                assertThat(prometheus).contains("\"" + name + ":" + port + "\"");
              }
            });
  }

  /** Drops "id" keywords (never a property name in this schema) everywhere. */
  private static void removeDraft4Ids(JsonNode node) {
    if (node instanceof ObjectNode object && object.path("id").isString()) {
      object.remove("id");
    }
    node.forEach(ComposeFileTest::removeDraft4Ids);
  }

  static Map<String, JsonNode> services() {
    Map<String, JsonNode> services = new TreeMap<>();
    compose.path("services").properties().forEach(e -> services.put(e.getKey(), e.getValue()));
    return services;
  }

  /** ${VAR:-default} and ${VAR-default} replaced by the default, as compose does when unset. */
  static String withDefaults(String value) {
    Matcher variable = VARIABLE.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (variable.find()) {
      String operator = variable.group(2);
      String replacement = operator != null && operator.endsWith("-") ? variable.group(3) : "";
      variable.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    variable.appendTail(resolved);
    return resolved.toString();
  }

  static long bytes(String size) {
    Matcher m = Pattern.compile("(\\d+)([kmg]?)b?", Pattern.CASE_INSENSITIVE).matcher(size.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: " + size);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> n * 1024;
      case "m" -> n * 1024 * 1024;
      case "g" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }
}
