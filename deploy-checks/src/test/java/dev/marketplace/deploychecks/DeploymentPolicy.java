package dev.marketplace.deploychecks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The rules every Deployment of a rendered environment must follow, so a rolling update, a node
 * drain or a stuck process never takes a service down and no container runs with more rights than
 * it needs. {@link #check} returns one readable line per violation.
 *
 * <ul>
 *   <li>probes: startup, liveness on {@code /actuator/health/liveness}, readiness on {@code
 *       /actuator/health/readiness};
 *   <li>resources: CPU and memory requests and a memory limit;
 *   <li>a PodDisruptionBudget and a HorizontalPodAutoscaler that select it, and a NetworkPolicy
 *       that selects its pods;
 *   <li>non-root: runAsNonRoot, no privilege escalation, read-only root file system, all
 *       capabilities dropped, and a writable /tmp volume (the JVM and Tomcat need one);
 *   <li>an image pinned to a release: a tag that is neither {@code latest} nor a {@code SNAPSHOT},
 *       or a digest.
 * </ul>
 */
final class DeploymentPolicy {

  static final String LIVENESS = "/actuator/health/liveness";
  static final String READINESS = "/actuator/health/readiness";
  private static final Set<String> MOVING_TAGS = Set.of("latest", "main", "master", "dev", "edge");

  private DeploymentPolicy() {}

  static List<String> check(List<JsonNode> objects) {
    List<String> violations = new ArrayList<>();
    for (JsonNode deployment : ofKind(objects, "Deployment")) {
      checkDeployment(deployment, objects, violations);
    }
    return violations;
  }

  private static void checkDeployment(
      JsonNode deployment, List<JsonNode> objects, List<String> violations) {
    String name = "Deployment " + deployment.at("/metadata/name").asString();
    JsonNode pod = deployment.at("/spec/template/spec");
    Map<String, String> podLabels = labels(deployment.at("/spec/template/metadata/labels"));

    JsonNode podSecurity = pod.path("securityContext");
    for (JsonNode container : pod.path("containers")) {
      String where = name + ", container " + container.path("name").asString();
      JsonNode security = container.path("securityContext");

      probe(container, "startupProbe", null, where, violations);
      probe(container, "livenessProbe", LIVENESS, where, violations);
      probe(container, "readinessProbe", READINESS, where, violations);

      JsonNode resources = container.path("resources");
      violationIf(
          resources.at("/requests/cpu").isMissingNode(), where, "no CPU request", violations);
      violationIf(
          resources.at("/requests/memory").isMissingNode(), where, "no memory request", violations);
      violationIf(
          resources.at("/limits/memory").isMissingNode(), where, "no memory limit", violations);

      boolean nonRoot =
          security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean());
      violationIf(!nonRoot, where, "runAsNonRoot is not true", violations);
      long uid = security.path("runAsUser").asLong(podSecurity.path("runAsUser").asLong(-1));
      violationIf(uid == 0, where, "runs as uid 0", violations);
      violationIf(
          security.path("allowPrivilegeEscalation").asBoolean(true),
          where,
          "allowPrivilegeEscalation is not false",
          violations);
      violationIf(
          !security.path("readOnlyRootFilesystem").asBoolean(),
          where,
          "readOnlyRootFilesystem is not true",
          violations);
      violationIf(
          !dropsAllCapabilities(security), where, "does not drop ALL capabilities", violations);
      violationIf(!mountsTmp(container, pod), where, "has no writable /tmp volume", violations);

      String image = container.path("image").asString("");
      violationIf(!pinned(image), where, "image '" + image + "' is not pinned", violations);
    }

    violationIf(
        noneSelect(ofKind(objects, "PodDisruptionBudget"), "/spec/selector", podLabels),
        name,
        "no PodDisruptionBudget selects its pods",
        violations);
    violationIf(
        noneSelect(ofKind(objects, "NetworkPolicy"), "/spec/podSelector", podLabels),
        name,
        "no NetworkPolicy selects its pods",
        violations);
    boolean scaled =
        ofKind(objects, "HorizontalPodAutoscaler").stream()
            .anyMatch(
                hpa ->
                    hpa.at("/spec/scaleTargetRef/kind").asString().equals("Deployment")
                        && hpa.at("/spec/scaleTargetRef/name")
                            .asString()
                            .equals(deployment.at("/metadata/name").asString()));
    violationIf(!scaled, name, "no HorizontalPodAutoscaler scales it", violations);
  }

  private static void probe(
      JsonNode container,
      String probe,
      String requiredPath,
      String where,
      List<String> violations) {
    JsonNode node = container.path(probe);
    if (node.isMissingNode() || node.isNull()) {
      violations.add(where + ": no " + probe);
    } else if (requiredPath != null
        && !requiredPath.equals(node.at("/httpGet/path").asString(""))) {
      violations.add(where + ": " + probe + " does not GET " + requiredPath);
    }
  }

  /** An explicit tag other than a moving one, or a digest. */
  static boolean pinned(String image) {
    if (image.contains("@sha256:")) {
      return true;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash) {
      return false;
    }
    String tag = image.substring(colon + 1);
    return !tag.isEmpty()
        && !MOVING_TAGS.contains(tag.toLowerCase(Locale.ROOT))
        && !tag.toUpperCase(Locale.ROOT).contains("SNAPSHOT");
  }

  private static boolean dropsAllCapabilities(JsonNode security) {
    for (JsonNode capability : security.at("/capabilities/drop")) {
      if (capability.asString().equals("ALL")) {
        return true;
      }
    }
    return false;
  }

  private static boolean mountsTmp(JsonNode container, JsonNode pod) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (mount.path("mountPath").asString().equals("/tmp")) {
        String volume = mount.path("name").asString();
        for (JsonNode v : pod.path("volumes")) {
          if (v.path("name").asString().equals(volume) && v.has("emptyDir")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean noneSelect(
      List<JsonNode> owners, String selector, Map<String, String> podLabels) {
    return owners.stream().noneMatch(o -> selects(o.at(selector), podLabels));
  }

  /** matchLabels only (what this repository uses); an empty selector selects everything. */
  private static boolean selects(JsonNode selector, Map<String, String> podLabels) {
    if (selector.isMissingNode() || selector.has("matchExpressions")) {
      return false;
    }
    return podLabels.entrySet().containsAll(labels(selector.path("matchLabels")).entrySet());
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new HashMap<>();
    node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    return labels;
  }

  static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asString("").equals(kind)).toList();
  }

  private static void violationIf(
      boolean condition, String where, String what, List<String> violations) {
    if (condition) {
      violations.add(where + ": " + what);
    }
  }
}
