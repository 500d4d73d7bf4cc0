package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks catch what they are for: fixtures under src/test/resources/fixtures are rendered the
 * same way as k8s/, and the real files are broken on purpose in memory; each must fail for the
 * expected reasons.
 */
class PolicyCatchesUnsafeManifestsTest {

  @Test
  void anUnsafeDeploymentFailsEveryRuleItBreaks() {
    List<String> violations =
        DeploymentPolicy.check(Kustomize.render(fixture("unsafe-deployment")));

    String where = "Deployment unsafe, container app: ";
    assertThat(violations)
        .containsExactlyInAnyOrder(
            where + "no startupProbe",
            where + "no livenessProbe",
            where + "readinessProbe does not GET " + DeploymentPolicy.READINESS,
            where + "no CPU request",
            where + "no memory request",
            where + "no memory limit",
            where + "runAsNonRoot is not true",
            where + "runs as uid 0",
            where + "allowPrivilegeEscalation is not false",
            where + "readOnlyRootFilesystem is not true",
            where + "does not drop ALL capabilities",
            where + "has no writable /tmp volume",
            where + "image 'registry.example.com/unsafe:latest' is not pinned",
            "Deployment unsafe: no PodDisruptionBudget selects its pods",
            "Deployment unsafe: no NetworkPolicy selects its pods",
            "Deployment unsafe: no HorizontalPodAutoscaler scales it");
  }

  @Test
  void imagesArePinnedOnlyByAReleaseTagOrADigest() {
    assertThat(DeploymentPolicy.pinned("registry.example.com/marketplace/catalog:0.1.0")).isTrue();
    assertThat(DeploymentPolicy.pinned("postgres:17.6-alpine")).isTrue();
    assertThat(DeploymentPolicy.pinned("catalog@sha256:0123abcd")).isTrue();
    assertThat(DeploymentPolicy.pinned("catalog")).isFalse();
    assertThat(DeploymentPolicy.pinned("registry.example.com:5000/catalog")).isFalse();
    assertThat(DeploymentPolicy.pinned("catalog:latest")).isFalse();
    assertThat(DeploymentPolicy.pinned("catalog:0.1.0-SNAPSHOT")).isFalse();
  }

  @Test
  void schemaValidationCatchesMisspeltFieldsAndWrongTypes() {
    List<String> errors =
        KubernetesManifestsTest.schemaErrors(Kustomize.render(fixture("invalid-objects")));

    assertThat(errors)
        .anySatisfy(e -> assertThat(e).contains("Deployment typos").contains("readinesProbe"))
        .anySatisfy(e -> assertThat(e).contains("Deployment typos").contains("replicas"))
        .anySatisfy(e -> assertThat(e).contains("Service typos").contains("port"))
        .anySatisfy(
            e -> assertThat(e).contains("policy/v1beta1/PodDisruptionBudget").contains("beta API"))
        .hasSize(4);
  }

  @Test
  void aServiceMissingFromComposeOrLackingItsSettingsThereIsReported() {
    JsonNode compose = Yaml.read(ComposeFileTest.COMPOSE);
    assertThat(EveryServiceIsDeployedTest.composeProblems("wishlist-service", compose))
        .containsExactly("wishlist-service: not a service in docker-compose.yml");

    JsonNode broken = compose.deepCopy();
    ObjectNode environment = (ObjectNode) broken.at("/services/order-service/environment");
    environment.remove("DATABASE_USER");
    environment.remove("REDIS_HOST");
    environment.put("PORT", "8080");
    ((ObjectNode) broken.at("/services/order-service/build/args"))
        .put("SERVICE_JAR", "order-service/target/*.jar");

    assertThat(EveryServiceIsDeployedTest.composeProblems("order-service", broken))
        .containsExactlyInAnyOrder(
            "order-service: SERVICE_JAR is not order-service/target/order-service-*-exec.jar",
            "order-service: PORT is '8080', its application.yaml's default is 8084",
            "order-service: DATABASE_USER is not set (a credential)",
            "order-service: REDIS_HOST is not set (its default points at localhost)");
  }

  @Test
  void aServiceMissingFromAnEnvironmentOrLackingItsSettingsThereIsReported() {
    Path dev = Repository.resolve("k8s/overlays/dev");
    JsonNode kustomization = Yaml.read(dev.resolve("kustomization.yaml"));
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode object : Kustomize.render(dev)) {
      boolean payment = object.at("/metadata/name").asString().equals("payment-service");
      if (!(payment && object.path("kind").asString().equals("Deployment"))) {
        objects.add(object.deepCopy());
      }
    }
    assertThat(
            EveryServiceIsDeployedTest.kubernetesProblems(
                "payment-service", objects, kustomization))
        .containsExactly(
            "payment-service: no Deployment labelled app.kubernetes.io/part-of=marketplace");

    JsonNode inventory = NetworkAccessTest.marketplaceDeployments(objects).get("inventory-service");
    ObjectNode container = (ObjectNode) inventory.at("/spec/template/spec/containers/0");
    container.remove("env");
    ((ObjectNode) inventory.at("/spec/template/metadata/annotations"))
        .put("prometheus.io/port", "8081");
    assertThat(
            EveryServiceIsDeployedTest.kubernetesProblems(
                "inventory-service", objects, kustomization))
        .containsExactlyInAnyOrder(
            "inventory-service: not annotated for Prometheus on /actuator/prometheus, port 8085",
            "inventory-service: DATABASE_USER is not set (a credential)",
            "inventory-service: DATABASE_PASSWORD is not set (a credential)");
  }

  private static Path fixture(String name) {
    try {
      return Path.of(
          PolicyCatchesUnsafeManifestsTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
