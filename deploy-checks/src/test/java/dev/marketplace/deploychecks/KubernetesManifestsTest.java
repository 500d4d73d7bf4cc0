package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kustomization under k8s/ renders, every object it renders is valid against the Kubernetes
 * API schemas, and every environment's Deployments follow {@link DeploymentPolicy}.
 */
class KubernetesManifestsTest {

  /**
   * Custom resources of the operators in k8s/operators (and the Prometheus operator's). Their
   * schemas live in the operators' CRDs, which are not available offline; they are checked for a
   * name and a spec only, and the API server validates them against the CRD on apply.
   */
  static final Map<String, String> CUSTOM_RESOURCES =
      Map.of(
          "kafka.strimzi.io/v1", "Strimzi (Kafka, KafkaNodePool, KafkaTopic)",
          "postgresql.cnpg.io/v1", "CloudNativePG (Cluster, Database, ScheduledBackup)",
          "barmancloud.cnpg.io/v1", "CloudNativePG's Barman Cloud plugin (ObjectStore)",
          "elasticsearch.k8s.elastic.co/v1", "ECK (Elasticsearch)",
          "mongodbcommunity.mongodb.com/v1", "MongoDB community operator (MongoDBCommunity)");

  private static final Pattern PRE_RELEASE_VERSION = Pattern.compile("v\\d+(alpha|beta)\\d*$");

  static Stream<Named<Path>> kustomizations() {
    return Kustomize.kustomizations().stream().map(KubernetesManifestsTest::named);
  }

  static Stream<Named<Path>> deployables() {
    return Kustomize.deployables().stream().map(KubernetesManifestsTest::named);
  }

  private static Named<Path> named(Path dir) {
    return Named.of(Repository.root().relativize(dir).toString(), dir);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kustomizations")
  void rendersWithUniqueObjectsThatEachHaveAKindAndAName(Path dir) {
    List<JsonNode> objects = Kustomize.render(dir);

    assertThat(objects).as("objects rendered from %s", dir).isNotEmpty();
    Set<String> seen = new HashSet<>();
    for (JsonNode object : objects) {
      String id =
          KubernetesSchemas.kindOf(object)
              + " "
              + object.at("/metadata/namespace").asString("")
              + "/"
              + object.at("/metadata/name").asString("");
      assertThat(object.at("/metadata/name").asString("")).as("name of %s", id).isNotBlank();
      assertThat(seen.add(id)).as("%s appears once", id).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kustomizations")
  void everyObjectIsValidAgainstTheKubernetesApiSchemas(Path dir) {
    List<String> errors = schemaErrors(Kustomize.render(dir));

    assertThat(errors).as("schema errors in %s", dir).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deployables")
  void everyDeploymentFollowsThePolicy(Path dir) {
    List<String> violations = DeploymentPolicy.check(Kustomize.render(dir));

    assertThat(violations).as("policy violations in %s", dir).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deployables")
  void environmentsPlaceEveryObjectInANamespaceTheyCreate(Path dir) {
    List<JsonNode> objects = Kustomize.render(dir);
    Set<String> created = new HashSet<>();
    DeploymentPolicy.ofKind(objects, "Namespace")
        .forEach(n -> created.add(n.at("/metadata/name").asString()));

    for (JsonNode object : objects) {
      if (!object.path("kind").asString().equals("Namespace")) {
        assertThat(created)
            .as("namespace of %s %s", object.path("kind").asString(), object.at("/metadata/name"))
            .contains(object.at("/metadata/namespace").asString(""));
      }
    }
  }

  static List<String> schemaErrors(List<JsonNode> objects) {
    KubernetesSchemas schemas = KubernetesSchemas.load();
    List<String> errors = new ArrayList<>();
    for (JsonNode object : objects) {
      String id = KubernetesSchemas.kindOf(object) + " " + object.at("/metadata/name").asString();
      if (PRE_RELEASE_VERSION.matcher(object.path("apiVersion").asString("")).find()) {
        // fabric8 still knows removed beta APIs (policy/v1beta1, extensions/v1beta1...); a cluster
        // does not, or will not for long.
        errors.add(id + ": an alpha or beta API version; use the stable one");
      } else if (schemas.knows(object)) {
        schemas.validate(object).forEach(e -> errors.add(id + " " + e));
      } else if (CUSTOM_RESOURCES.containsKey(object.path("apiVersion").asString(""))) {
        if (!object.path("spec").isObject()) {
          errors.add(id + ": a custom resource without a spec");
        }
      } else {
        errors.add(id + ": no schema for this apiVersion/kind (a typo, or a removed API version?)");
      }
    }
    return errors;
  }
}
