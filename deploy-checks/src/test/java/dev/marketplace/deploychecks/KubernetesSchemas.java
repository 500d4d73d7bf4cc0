package dev.marketplace.deploychecks;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON schemas of the Kubernetes API objects, from the fabric8 kubernetes-model jars (generated
 * from the Kubernetes OpenAPI definitions; 6.13.x is the last line that ships them (7.x does not)
 * as {@code schema/validation-schema.json}). Each jar holds its API groups' types plus those they
 * refer to.
 *
 * <p>fabric8 wrote the schemas for code generation, so they are adapted before use:
 *
 * <ul>
 *   <li>strict: an object with declared properties accepts no others, as {@code kubectl apply
 *       --validate=strict} does, so a misspelt field ({@code readinesProbe}) is an error instead of
 *       being silently dropped by the API server;
 *   <li>IntOrString and Quantity are what the API accepts ({@code port: http} or {@code 8080};
 *       {@code cpu: 250m} or {@code 1}), not fabric8's Java holder objects;
 *   <li>code-generation keywords and the draft-3 style {@code "required": true} are dropped.
 * </ul>
 *
 * <p>What they cannot check: fields the API requires (fabric8 does not carry the OpenAPI {@code
 * required} lists), and custom resources, whose schemas live in the operators' CRDs.
 */
final class KubernetesSchemas {

  private static final String RESOURCE = "schema/validation-schema.json";
  private static final String INT_OR_STRING = "kubernetes_apimachinery_pkg_util_intstr_IntOrString";
  private static final String QUANTITY = "k8s_io_apimachinery_pkg_api_resource_Quantity";
  private static final Set<String> CODE_GENERATION_KEYWORDS =
      Set.of(
          "javaType",
          "javaInterfaces",
          "existingJavaType",
          "javaOmitEmpty",
          "javaExtends",
          "javaName",
          "format",
          "$module",
          "id");

  private static volatile KubernetesSchemas instance;

  private final ObjectNode definitions;
  private final Map<String, String> definitionByKind;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  private final Map<String, Schema> compiled = new HashMap<>();

  private KubernetesSchemas(ObjectNode definitions) {
    this.definitions = definitions;
    this.definitionByKind = indexByKind(definitions);
  }

  static KubernetesSchemas load() {
    if (instance == null) {
      synchronized (KubernetesSchemas.class) {
        if (instance == null) {
          instance = new KubernetesSchemas(adapt(mergedDefinitions()));
        }
      }
    }
    return instance;
  }

  /** The {@code apiVersion/kind} pairs a schema exists for, e.g. {@code apps/v1/Deployment}. */
  Set<String> kinds() {
    return Collections.unmodifiableSet(definitionByKind.keySet());
  }

  boolean knows(JsonNode object) {
    return definitionByKind.containsKey(kindOf(object));
  }

  /** Validation errors of one object ("" if it is valid); the object's kind must be known. */
  synchronized List<String> validate(JsonNode object) {
    String definition = definitionByKind.get(kindOf(object));
    if (definition == null) {
      throw new IllegalArgumentException("no Kubernetes schema for " + kindOf(object));
    }
    Schema schema = compiled.computeIfAbsent(definition, this::compile);
    List<String> errors = new ArrayList<>();
    for (Error error : schema.validate(object)) {
      errors.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    return errors;
  }

  static String kindOf(JsonNode object) {
    return object.path("apiVersion").asString("?") + "/" + object.path("kind").asString("?");
  }

  private Schema compile(String definition) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("$ref", "#/definitions/" + definition);
    root.set("definitions", definitions);
    return registry.getSchema(root);
  }

  private static ObjectNode mergedDefinitions() {
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    try {
      List<URL> jars =
          Collections.list(KubernetesSchemas.class.getClassLoader().getResources(RESOURCE));
      if (jars.isEmpty()) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath (fabric8 jars)");
      }
      for (URL url : jars) {
        try (InputStream in = url.openStream()) {
          JsonNode schema = Yaml.JSON.readTree(in);
          schema
              .path("definitions")
              .properties()
              .forEach(e -> merged.set(e.getKey(), e.getValue()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return merged;
  }

  private static ObjectNode adapt(ObjectNode definitions) {
    definitions.properties().forEach(e -> adaptNode(e.getValue()));
    ArrayNode intOrString = JsonNodeFactory.instance.arrayNode().add("integer").add("string");
    definitions.set(INT_OR_STRING, JsonNodeFactory.instance.objectNode().set("type", intOrString));
    ArrayNode quantity = JsonNodeFactory.instance.arrayNode().add("string").add("number");
    definitions.set(QUANTITY, JsonNodeFactory.instance.objectNode().set("type", quantity));
    return definitions;
  }

  private static void adaptNode(JsonNode node) {
    if (node instanceof ArrayNode array) {
      array.forEach(KubernetesSchemas::adaptNode);
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    object.remove(CODE_GENERATION_KEYWORDS);
    if (object.path("properties") instanceof ObjectNode properties) {
      // fabric8's draft-3 style "required": true (on apiVersion and kind) is not draft 7; and
      // embedded objects (a StatefulSet's volumeClaimTemplates) rightly omit both anyway.
      properties.properties().forEach(p -> ((ObjectNode) p.getValue()).remove("required"));
      if (!(object.get("additionalProperties") instanceof ObjectNode)) {
        object.put("additionalProperties", false);
      }
      properties.properties().forEach(property -> adaptNode(property.getValue()));
    }
    for (String nested : List.of("items", "additionalProperties")) {
      if (object.get(nested) instanceof ObjectNode child) {
        adaptNode(child);
      }
    }
  }

  private static Map<String, String> indexByKind(ObjectNode definitions) {
    Map<String, String> byKind = new HashMap<>();
    definitions
        .properties()
        .forEach(
            e -> {
              JsonNode properties = e.getValue().path("properties");
              String apiVersion = properties.path("apiVersion").path("default").asString("");
              String kind = properties.path("kind").path("default").asString("");
              if (!apiVersion.isEmpty() && !kind.isEmpty()) {
                byKind.putIfAbsent(apiVersion + "/" + kind, e.getKey());
              }
            });
    return byKind;
  }
}
