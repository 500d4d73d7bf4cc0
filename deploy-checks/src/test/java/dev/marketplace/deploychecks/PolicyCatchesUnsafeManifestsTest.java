package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks catch what they are for: fixtures under src/test/resources/fixtures are rendered the
 * same way as k8s/ and must fail, each for the expected reasons.
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

  private static Path fixture(String name) {
    try {
      return Path.of(
          PolicyCatchesUnsafeManifestsTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
