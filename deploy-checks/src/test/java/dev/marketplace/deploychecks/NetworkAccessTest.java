package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who can reach whom in every rendered environment, read from the NetworkPolicies, the Ingress and
 * the services' configuration:
 *
 * <ul>
 *   <li>only the gateway admits traffic from outside the namespace (the ingress controller), and
 *       the Ingress leads only to the gateway, never to its {@code /actuator};
 *   <li>catalog, search, order, inventory and payment admit only the gateway; customer-service
 *       admits the gateway and the services that fetch its key set to check tokens (all others);
 *   <li>the gateway may reach every service it is configured to route to, on that service's
 *       container port, and every token-checking service may reach customer-service's;
 *   <li>each service reaches exactly the stores it uses ({@link #STORES}) and no other service than
 *       those (the gateway: the services it routes to; the others: customer-service's key set), so
 *       the checkout's services talk to each other only through Kafka;
 *   <li>the configured service addresses name Services that exist, and the issuer every service
 *       requires is the one customer-service issues under (in prod, the Ingress host).
 * </ul>
 *
 * Monitoring (namespace {@code monitoring}, shared by every service) is left out of the comparison.
 */
class NetworkAccessTest {

  static final String GATEWAY = "gateway-service";
  static final String CUSTOMER = "customer-service";

  /** Who may open connections to each service, besides monitoring. */
  static final Map<String, Set<String>> ALLOWED_CALLERS =
      Map.of(
          GATEWAY,
          Set.of("namespace:ingress-nginx"),
          CUSTOMER,
          Set.of(
              "pod:gateway-service",
              "pod:catalog-service",
              "pod:search-service",
              "pod:order-service",
              "pod:inventory-service",
              "pod:payment-service"),
          "catalog-service",
          Set.of("pod:gateway-service"),
          "search-service",
          Set.of("pod:gateway-service"),
          "order-service",
          Set.of("pod:gateway-service"),
          "inventory-service",
          Set.of("pod:gateway-service"),
          "payment-service",
          Set.of("pod:gateway-service"));

  /**
   * The stores (their pods' label {@code marketplace.dev/store}) each service uses. A service
   * without an entry fails: its stores must be stated here before it is deployed.
   */
  static final Map<String, Set<String>> STORES =
      Map.of(
          GATEWAY,
          Set.of("redis", "kafka"),
          CUSTOMER,
          Set.of("postgresql", "kafka"),
          "catalog-service",
          Set.of("mongodb", "kafka"),
          "search-service",
          Set.of("elasticsearch", "kafka"),
          "order-service",
          Set.of("postgresql", "redis", "kafka"),
          "inventory-service",
          Set.of("postgresql", "kafka"),
          "payment-service",
          Set.of("postgresql", "kafka"));

  /** Egress every marketplace pod has (../platform): DNS in kube-system, monitoring. */
  static final Set<String> SHARED_DESTINATIONS =
      Set.of("namespace:kube-system", "namespace:monitoring");

  static Stream<Named<Path>> environments() {
    return Kustomize.deployables().stream()
        .filter(d -> d.getParent().getFileName().toString().equals("overlays"))
        .map(d -> Named.of(Repository.root().relativize(d).toString(), d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void onlyTheGatewayIsReachableFromOutsideAndEachServiceOnlyFromItsCallers(Path dir) {
    List<JsonNode> objects = Kustomize.render(dir);
    Map<String, JsonNode> deployments = marketplaceDeployments(objects);
    assertThat(deployments.keySet()).containsAll(ALLOWED_CALLERS.keySet());

    for (Map.Entry<String, JsonNode> deployment : deployments.entrySet()) {
      Set<String> callers = callers(deployment.getValue(), objects);
      callers.remove("namespace:monitoring");
      String name = deployment.getKey();
      if (ALLOWED_CALLERS.containsKey(name)) {
        assertThat(callers).as("who may call %s", name).isEqualTo(ALLOWED_CALLERS.get(name));
      } else {
        // A service added later: reachable from marketplace pods only, never from outside.
        assertThat(callers).as("who may call %s", name).allMatch(c -> c.startsWith("pod:"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void theIngressLeadsOnlyToTheGatewayAndNotToItsActuator(Path dir) {
    List<JsonNode> objects = Kustomize.render(dir);
    for (JsonNode ingress : DeploymentPolicy.ofKind(objects, "Ingress")) {
      for (JsonNode rule : ingress.at("/spec/rules")) {
        for (JsonNode path : rule.at("/http/paths")) {
          String where = ingress.at("/metadata/name").asString() + " " + path.path("path");
          assertThat(path.at("/backend/service/name").asString()).as(where).isEqualTo(GATEWAY);
          String prefix = path.path("path").asString();
          assertThat(prefix).as(where).isNotIn("/", "").doesNotStartWith("/actuator");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void theGatewayAndEveryTokenCheckReachTheServicesTheyAreConfiguredFor(Path dir) {
    List<JsonNode> objects = Kustomize.render(dir);
    Map<String, JsonNode> deployments = marketplaceDeployments(objects);
    Map<String, String> gatewayConfig = config(objects, deployments.get(GATEWAY));
    List<String> routed = new ArrayList<>();
    gatewayConfig.forEach(
        (key, value) -> {
          if (key.endsWith("_SERVICE_URI")) {
            routed.add(serviceOf(value, objects));
          }
        });
    assertThat(routed)
        .as("services the gateway routes to")
        .containsExactlyInAnyOrderElementsOf(
            deployments.keySet().stream().filter(n -> !n.equals(GATEWAY)).toList());
    for (String service : routed) {
      assertThat(reachable(deployments.get(GATEWAY), deployments.get(service), objects))
          .as("the gateway may reach %s", service)
          .isTrue();
    }

    assertThat(serviceOf(gatewayConfig.get("AUTH_JWK_SET_URI"), objects)).isEqualTo(CUSTOMER);
    for (Map.Entry<String, JsonNode> deployment : deployments.entrySet()) {
      if (deployment.getKey().equals(CUSTOMER)) {
        continue;
      }
      Map<String, String> config = config(objects, deployment.getValue());
      String jwks = config.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI");
      assertThat(jwks).as("%s's key set address", deployment.getKey()).isNotNull();
      assertThat(serviceOf(jwks, objects)).isEqualTo(CUSTOMER);
      assertThat(reachable(deployment.getValue(), deployments.get(CUSTOMER), objects))
          .as("%s may reach customer-service's key set", deployment.getKey())
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void eachServiceReachesOnlyItsStoresAndTheServicesItCalls(Path dir) {
    List<JsonNode> objects = Kustomize.render(dir);
    Map<String, JsonNode> deployments = marketplaceDeployments(objects);
    assertThat(deployments.keySet())
        .as("services with their stores stated in STORES")
        .containsExactlyInAnyOrderElementsOf(STORES.keySet());

    for (Map.Entry<String, JsonNode> deployment : deployments.entrySet()) {
      String name = deployment.getKey();
      Set<String> expected = new TreeSet<>();
      STORES.get(name).forEach(store -> expected.add("store:" + store));
      if (name.equals(GATEWAY)) {
        deployments.keySet().stream()
            .filter(n -> !n.equals(GATEWAY))
            .forEach(n -> expected.add("pod:" + n));
      } else if (!name.equals(CUSTOMER)) {
        expected.add("pod:" + CUSTOMER);
      }
      Set<String> destinations = destinations(deployment.getValue(), objects);
      destinations.removeAll(SHARED_DESTINATIONS);
      assertThat(destinations).as("what %s may reach", name).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void theStoreCheckSeesAnEgressRuleAddedToAPolicy(Path dir) {
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode object : Kustomize.render(dir)) {
      objects.add(object.deepCopy());
    }
    JsonNode payment = marketplaceDeployments(objects).get("payment-service");
    ObjectNode policy =
        (ObjectNode)
            DeploymentPolicy.ofKind(objects, "NetworkPolicy").stream()
                .filter(p -> p.at("/metadata/name").asString().equals("payment-service"))
                .findFirst()
                .orElseThrow();
    ((ArrayNode) policy.at("/spec/egress"))
        .add(
            Yaml.JSON.readTree(
                "{\"to\": [{\"namespaceSelector\": {}, \"podSelector\": {\"matchLabels\":"
                    + " {\"marketplace.dev/store\": \"redis\"}}},"
                    + " {\"podSelector\": {\"matchLabels\":"
                    + " {\"app.kubernetes.io/name\": \"inventory-service\"}}}]}"));

    assertThat(destinations(payment, objects)).contains("store:redis", "pod:inventory-service");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void everyServiceRequiresTheIssuerCustomerServiceIssuesUnder(Path dir) {
    List<JsonNode> objects = Kustomize.render(dir);
    Map<String, JsonNode> deployments = marketplaceDeployments(objects);
    String issuer = config(objects, deployments.get(CUSTOMER)).get("AUTH_ISSUER");
    assertThat(issuer).isNotBlank().doesNotEndWith("/");
    for (Map.Entry<String, JsonNode> deployment : deployments.entrySet()) {
      Map<String, String> config = config(objects, deployment.getValue());
      assertThat(config.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
          .as("issuer %s requires", deployment.getKey())
          .isEqualTo(issuer);
    }
    assertThat(config(objects, deployments.get(GATEWAY)).get("AUTH_ISSUER")).isEqualTo(issuer);
    for (JsonNode ingress : DeploymentPolicy.ofKind(objects, "Ingress")) {
      List<String> hosts = new ArrayList<>();
      ingress.at("/spec/rules").forEach(r -> hosts.add(r.path("host").asString()));
      assertThat(hosts).as("Ingress hosts").contains(URI.create(issuer).getHost());
      assertThat(issuer).startsWith("https://");
    }
  }

  // ------------------------------------------------------------------ reading the objects

  static Map<String, JsonNode> marketplaceDeployments(List<JsonNode> objects) {
    Map<String, JsonNode> deployments = new HashMap<>();
    for (JsonNode deployment : DeploymentPolicy.ofKind(objects, "Deployment")) {
      if (deployment
          .at("/metadata/labels/app.kubernetes.io~1part-of")
          .asString("")
          .equals("marketplace")) {
        deployments.put(deployment.at("/metadata/name").asString(), deployment);
      }
    }
    return deployments;
  }

  /** The sources a Deployment's pods accept connections from, e.g. pod:gateway-service. */
  static Set<String> callers(JsonNode deployment, List<JsonNode> objects) {
    Set<String> callers = new TreeSet<>();
    for (JsonNode policy : policiesSelecting(deployment, objects)) {
      for (JsonNode rule : policy.at("/spec/ingress")) {
        if (!rule.has("from") || rule.path("from").isEmpty()) {
          callers.add("anyone");
        }
        for (JsonNode peer : rule.path("from")) {
          callers.add(peer(peer));
        }
      }
    }
    return callers;
  }

  /**
   * Where a Deployment's pods may open connections to: store:postgresql (a store's pods, by label,
   * in any namespace), pod:customer-service, namespace:monitoring, ip:10.0.0.0/8, or anyone.
   */
  static Set<String> destinations(JsonNode deployment, List<JsonNode> objects) {
    Set<String> destinations = new TreeSet<>();
    for (JsonNode policy : policiesSelecting(deployment, objects)) {
      for (JsonNode rule : policy.at("/spec/egress")) {
        if (!rule.has("to") || rule.path("to").isEmpty()) {
          destinations.add("anyone");
        }
        for (JsonNode peer : rule.path("to")) {
          String store = peer.at("/podSelector/matchLabels/marketplace.dev~1store").asString("");
          destinations.add(store.isEmpty() ? peer(peer) : "store:" + store);
        }
      }
    }
    return destinations;
  }

  private static String peer(JsonNode peer) {
    if (peer.has("ipBlock")) {
      return "ip:" + peer.at("/ipBlock/cidr").asString();
    }
    if (peer.has("namespaceSelector")) {
      String namespace =
          peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString("*");
      return "namespace:" + namespace;
    }
    return "pod:" + peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asString("*");
  }

  /**
   * Whether {@code from}'s egress and {@code to}'s ingress both admit a connection from one to the
   * other on {@code to}'s container port (pods in the same namespace, selected by name).
   */
  static boolean reachable(JsonNode from, JsonNode to, List<JsonNode> objects) {
    String fromName = from.at("/metadata/name").asString();
    String toName = to.at("/metadata/name").asString();
    JsonNode toContainer = to.at("/spec/template/spec/containers/0");
    int port = toContainer.at("/ports/0/containerPort").asInt();
    String portName = toContainer.at("/ports/0/name").asString();

    boolean egress = false;
    for (JsonNode policy : policiesSelecting(from, objects)) {
      for (JsonNode rule : policy.at("/spec/egress")) {
        boolean peer = false;
        for (JsonNode to2 : rule.path("to")) {
          peer |= !to2.has("namespaceSelector") && peer(to2).equals("pod:" + toName);
        }
        egress |= peer && admitsPort(rule.path("ports"), port, portName);
      }
    }
    boolean ingress = false;
    for (JsonNode policy : policiesSelecting(to, objects)) {
      for (JsonNode rule : policy.at("/spec/ingress")) {
        boolean peer = false;
        for (JsonNode source : rule.path("from")) {
          peer |= !source.has("namespaceSelector") && peer(source).equals("pod:" + fromName);
        }
        ingress |= peer && admitsPort(rule.path("ports"), port, portName);
      }
    }
    return egress && ingress;
  }

  private static boolean admitsPort(JsonNode ports, int port, String portName) {
    if (ports.isMissingNode() || ports.isEmpty()) {
      return true;
    }
    for (JsonNode p : ports) {
      JsonNode value = p.path("port");
      if (value.isNumber() ? value.asInt() == port : value.asString().equals(portName)) {
        return true;
      }
    }
    return false;
  }

  private static List<JsonNode> policiesSelecting(JsonNode deployment, List<JsonNode> objects) {
    Map<String, String> podLabels = labels(deployment.at("/spec/template/metadata/labels"));
    return DeploymentPolicy.ofKind(objects, "NetworkPolicy").stream()
        .filter(
            p ->
                podLabels
                    .entrySet()
                    .containsAll(labels(p.at("/spec/podSelector/matchLabels")).entrySet()))
        .toList();
  }

  /** The environment a Deployment gets from its ConfigMaps (envFrom), by variable name. */
  static Map<String, String> config(List<JsonNode> objects, JsonNode deployment) {
    Map<String, String> config = new HashMap<>();
    for (JsonNode source : deployment.at("/spec/template/spec/containers/0/envFrom")) {
      String name = source.at("/configMapRef/name").asString("");
      for (JsonNode map : DeploymentPolicy.ofKind(objects, "ConfigMap")) {
        if (map.at("/metadata/name").asString().equals(name)) {
          map.path("data")
              .properties()
              .forEach(e -> config.put(e.getKey(), e.getValue().asString()));
        }
      }
    }
    return config;
  }

  /** The Service an in-cluster address names, checked to exist with the address's port. */
  private static String serviceOf(String address, List<JsonNode> objects) {
    URI uri = URI.create(address);
    String service = uri.getHost().split("\\.")[0];
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    assertThat(DeploymentPolicy.ofKind(objects, "Service"))
        .as("a Service %s with port %s (from %s)", service, port, address)
        .anyMatch(
            s ->
                s.at("/metadata/name").asString().equals(service)
                    && s.at("/spec/ports")
                        .valueStream()
                        .anyMatch(p -> p.path("port").asInt() == port));
    return service;
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new HashMap<>();
    node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    return labels;
  }
}
