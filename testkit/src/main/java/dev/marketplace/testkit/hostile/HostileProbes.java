package dev.marketplace.testkit.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates hostile variants of every operation of an OpenAPI document: a well-shaped request is
 * built from the operation's schema, then one thing at a time is made wrong. Which fields are
 * varied is drawn from a seeded {@link Random}, so a run is repeatable and a longer run (more
 * rounds) reaches more fields.
 */
final class HostileProbes {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Percent-encodings that are not UTF-8, or not percent-encodings at all. */
  private static final List<String> BAD_ENCODINGS = List.of("%FF", "%C3", "%E2%82", "%", "%ZZ");

  private static final List<String> HOSTILE_PATH_SEGMENTS =
      List.of(
          "%00", "%FF", "..%2F..%2Fadmin", "%2e%2e", "a%5Cb", "x;jsessionid=1", "a%0Db", "%C3%28");

  private final JsonNode document;
  private final Function<String, String> tokenForPath;
  private final Random random;
  private final int rounds;

  HostileProbes(
      JsonNode document, Function<String, String> tokenForPath, Random random, int rounds) {
    this.document = document;
    this.tokenForPath = tokenForPath;
    this.random = random;
    this.rounds = rounds;
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String method = op.getKey().toUpperCase(Locale.ROOT);
        if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          operations.add(new Operation(method, path.getKey(), op.getValue()));
        }
      }
    }
    // Deletions last, so erasing the caller's own account does not end the probing early.
    operations.sort(java.util.Comparator.comparing(op -> op.method().equals("DELETE")));
    return operations;
  }

  /** Hostile variants of one operation, the well-formed request first. */
  List<HostileRequest> variants(Operation op, boolean truncate) {
    List<HostileRequest> out = new ArrayList<>();
    Base base = base(op);
    out.add(base.request("well-formed", false));

    queryVariants(op, base, out);
    pathVariants(op, base, out);
    headerVariants(op, base, out);
    out.add(base.withMethod("TRACE").request("method-trace", true));
    out.add(base.withMethod("PROPFIND").request("method-unknown", true));
    if (base.body != null) {
      bodyVariants(base, out);
      if (truncate) {
        out.add(base.truncated().request("body-truncated", true));
      }
    }
    return out;
  }

  /** Requests about the server rather than one operation: oversized heads and URLs. */
  List<HostileRequest> serverVariants(String somePath) {
    Base base = new Base("GET", somePath, authorization(somePath), null, "SERVER");
    List<HostileRequest> out = new ArrayList<>();
    out.add(base.withHeader("X-Probe", "x".repeat(40_000)).request("header-too-large", true));
    Base many = base;
    for (int i = 0; i < 300; i++) {
      many = many.withHeader("X-Probe-" + i, "v".repeat(100));
    }
    out.add(many.request("too-many-headers", true));
    out.add(base.withPath(somePath + "?q=" + "a".repeat(70_000)).request("uri-too-long", true));
    out.add(
        base.withHeader("Authorization", "Basic " + "QUJD".repeat(1_600))
            .request("basic-header-6kb", true));
    out.add(base.withHeader("Authorization", "Bearer not.a.token").request("token-garbage", true));
    out.add(base.withHeader("Authorization", "Bearer ünï").request("token-non-ascii", true));
    return out;
  }

  private void queryVariants(Operation op, Base base, List<HostileRequest> out) {
    out.add(base.withQuery("probe-unknown", "1").request("query-unknown-parameter", true));
    List<JsonNode> query = op.parameters("query");
    String name = query.isEmpty() ? "q" : pick(query).path("name").asString();
    for (String encoding : BAD_ENCODINGS) {
      out.add(base.withQuery(name, encoding).request("query-invalid-encoding", true));
    }
    for (JsonNode parameter : query) {
      String p = parameter.path("name").asString();
      JsonNode schema = resolve(parameter.path("schema"));
      out.add(base.withQuery(p, "%00").request("query-control-character", true));
      out.add(base.withQuery(p, "a%1Bb").request("query-control-character", true));
      if (isInteger(schema)) {
        out.add(base.withQuery(p, "9223372036854775807").request("query-number-max", false));
        out.add(base.withQuery(p, "9223372036854775808").request("query-number-overflow", true));
        out.add(base.withQuery(p, "-2147483649").request("query-number-overflow", true));
        out.add(base.withQuery(p, "1e3").request("query-number-wrong-type", true));
        out.add(base.withQuery(p, "-1").request("query-number-negative", false));
      } else if (schema.has("enum")) {
        out.add(base.withQuery(p, "0").request("query-enum-by-position", true));
      } else {
        out.add(base.withQuery(p, "x".repeat(5_000)).request("query-long-value", false));
      }
      out.add(base.withQuery(p, "a").withQuery(p, "b").request("query-repeated", false));
    }
  }

  private void pathVariants(Operation op, Base base, List<HostileRequest> out) {
    for (JsonNode parameter : op.parameters("path")) {
      String p = parameter.path("name").asString();
      for (String segment : HOSTILE_PATH_SEGMENTS) {
        out.add(base.withPathParameter(op, p, segment).request("path-hostile-segment", true));
      }
      out.add(base.withPathParameter(op, p, "x".repeat(3_000)).request("path-long-segment", true));
    }
  }

  private void headerVariants(Operation op, Base base, List<HostileRequest> out) {
    for (JsonNode parameter : op.parameters("header")) {
      String h = parameter.path("name").asString();
      out.add(base.withHeader(h, "ключ-ü").request("header-non-ascii", true));
      out.add(base.withHeader(h, "a\u0001b").request("header-control-character", true));
      out.add(base.withHeader(h, "x".repeat(2_000)).request("header-long-value", false));
    }
    out.add(base.withHeader("Idempotency-Key", "ключ").request("header-non-ascii", false));
    out.add(base.withHeader("If-Match", "\"ü\"").request("header-non-ascii", false));
    out.add(base.withHeader("Accept", "text/html").request("accept-html", false));
  }

  private void bodyVariants(Base base, List<HostileRequest> out) {
    JsonNode body = base.body;
    List<Slot> slots = new ArrayList<>();
    collect(body, base.bodySchema, JsonPointer.empty(), slots);
    for (int round = 0; round < rounds; round++) {
      for (Slot slot : sample(slots, 6)) {
        out.add(
            base.withBody(replace(body, slot.pointer, wrongType(slot)))
                .request("body-wrong-type", true));
      }
    }
    for (Slot slot : slots) {
      JsonNode schema = slot.schema;
      if (slot.required) {
        out.add(
            base.withBody(replace(body, slot.pointer, NODES.nullNode()))
                .request("body-null-required", true));
        out.add(base.withBody(remove(body, slot.pointer)).request("body-missing-required", true));
      }
      if (isString(schema) && !schema.has("enum")) {
        out.add(
            base.withBody(replace(body, slot.pointer, NODES.stringNode("a\u0000b")))
                .request("body-control-character", true));
        out.add(
            base.withBody(replace(body, slot.pointer, NODES.stringNode("a\u001Bb")))
                .request("body-control-character", true));
        out.add(
            base.withBody(replace(body, slot.pointer, NODES.stringNode("a\uD800b")))
                .request("body-lone-surrogate", true));
        if ("date-time".equals(schema.path("format").asString(""))) {
          out.add(
              base.withBody(
                      replace(body, slot.pointer, NODES.stringNode("-1000000-01-01T00:00:00Z")))
                  .request("body-date-out-of-range", true));
          out.add(
              base.withBody(
                      replace(body, slot.pointer, NODES.stringNode("+1000000-01-01T00:00:00Z")))
                  .request("body-date-out-of-range", true));
        }
      }
      if (schema.has("enum")) {
        out.add(
            base.withBody(replace(body, slot.pointer, NODES.numberNode(1)))
                .request("body-enum-by-position", true));
      }
      if ("boolean".equals(type(schema))) {
        out.add(
            base.withBody(replace(body, slot.pointer, NODES.numberNode(1)))
                .request("body-boolean-as-number", true));
      }
      if (isInteger(schema)) {
        out.add(
            base.withBody(
                    replace(
                        body,
                        slot.pointer,
                        NODES.numberNode(new java.math.BigInteger("9223372036854775808"))))
                .request("body-number-overflow", true));
        out.add(
            base.withBody(
                    replace(
                        body, slot.pointer, NODES.numberNode(new java.math.BigDecimal("1e400"))))
                .request("body-number-overflow", true));
        out.add(
            base.withBody(replace(body, slot.pointer, NODES.numberNode(1.5)))
                .request("body-fraction-for-integer", true));
      }
      if (schema.path("type").asString("").equals("array")) {
        ArrayNode withNull = NODES.arrayNode();
        withNull.addNull();
        out.add(
            base.withBody(replace(body, slot.pointer, withNull))
                .request("body-null-in-array", true));
      }
      if (schema.path("type").asString("").equals("object") && body.at(slot.pointer).isObject()) {
        ObjectNode extended = ((ObjectNode) body.at(slot.pointer)).deepCopy();
        extended.put("probeUnknownField", 1);
        if (!schema.has("additionalProperties")) {
          out.add(
              base.withBody(replace(body, slot.pointer, extended))
                  .request("body-unknown-field", true));
        }
      }
    }
    if (body.isObject()) {
      ObjectNode extended = ((ObjectNode) body).deepCopy();
      extended.put("probeUnknownField", 1);
      out.add(base.withBody(extended).request("body-unknown-field", true));
    }
    String text = JSON.writeValueAsString(body);
    out.add(
        base.withRawBody(text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8))
            .request("body-malformed-json", true));
    out.add(
        base.withRawBody("[]".getBytes(StandardCharsets.UTF_8)).request("body-wrong-shape", true));
    out.add(
        base.withRawBody("\"x\"".getBytes(StandardCharsets.UTF_8))
            .request("body-wrong-shape", true));
    out.add(base.withRawBody(new byte[0]).request("body-empty", true));
    out.add(
        base.withRawBody("[".repeat(5_000).getBytes(StandardCharsets.UTF_8))
            .request("body-deeply-nested", true));
    byte[] invalidUtf8 = text.replaceFirst("\"", "\"\u0001").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < invalidUtf8.length; i++) {
      if (invalidUtf8[i] == 1) {
        invalidUtf8[i] = (byte) 0xFF;
      }
    }
    out.add(base.withRawBody(invalidUtf8).request("body-invalid-utf8", true));
    out.add(base.withHeader("Content-Type", "text/plain").request("content-type-wrong", true));
    out.add(base.withHeader("Content-Type", "application/xml").request("content-type-wrong", true));
    out.add(base.withoutHeader("Content-Type").request("content-type-missing", true));
    for (Slot slot : sample(slots, 2)) {
      if (isString(slot.schema)) {
        out.add(
            base.withBody(replace(body, slot.pointer, NODES.stringNode("x".repeat(200_000))))
                .request("body-long-string", false));
      }
    }
  }

  private JsonNode wrongType(Slot slot) {
    String type = type(slot.schema);
    return switch (type) {
      case "string" -> random.nextBoolean() ? NODES.objectNode() : NODES.arrayNode().add(1);
      case "integer", "number" ->
          random.nextBoolean() ? NODES.stringNode("abc") : NODES.booleanNode(true);
      case "boolean" -> NODES.stringNode("maybe");
      case "array" -> NODES.objectNode();
      default -> NODES.booleanNode(true);
    };
  }

  private <T> List<T> sample(List<T> all, int n) {
    if (all.size() <= n) {
      return all;
    }
    List<T> copy = new ArrayList<>(all);
    java.util.Collections.shuffle(copy, random);
    return copy.subList(0, n);
  }

  private <T> T pick(List<T> all) {
    return all.get(random.nextInt(all.size()));
  }

  private void collect(JsonNode value, JsonNode schema, JsonPointer at, List<Slot> slots) {
    schema = resolve(schema);
    if (value.isObject() && schema.has("properties")) {
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(r -> required.add(r.asString()));
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        JsonPointer child = at.appendProperty(property.getKey());
        JsonNode childSchema = resolve(property.getValue());
        // An optional field the base leaves out is varied by adding it, wrong.
        slots.add(new Slot(child, childSchema, required.contains(property.getKey())));
        if (value.has(property.getKey())) {
          collect(value.get(property.getKey()), childSchema, child, slots);
        }
      }
    } else if (value.isArray() && !value.isEmpty()) {
      JsonPointer first = at.appendIndex(0);
      JsonNode items = resolve(schema.path("items"));
      slots.add(new Slot(first, items, false));
      collect(value.get(0), items, first, slots);
    }
  }

  private static JsonNode replace(JsonNode body, JsonPointer pointer, JsonNode value) {
    JsonNode copy = body.deepCopy();
    JsonNode parent = copy.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(pointer.last().getMatchingIndex(), value);
    }
    return copy;
  }

  private static JsonNode remove(JsonNode body, JsonPointer pointer) {
    JsonNode copy = body.deepCopy();
    if (copy.at(pointer.head()) instanceof ObjectNode parent) {
      parent.remove(pointer.last().getMatchingProperty());
    }
    return copy;
  }

  /** A request the operation would accept, as far as its schema says. */
  private Base base(Operation op) {
    Map<String, String> headers = authorization(op.path);
    headers.put("Accept", "application/json, application/problem+json");
    String path = op.path;
    for (JsonNode parameter : op.parameters("path")) {
      path =
          path.replace(
              "{" + parameter.path("name").asString() + "}",
              plausible(parameter.path("name").asString(), resolve(parameter.path("schema")))
                  .asString());
    }
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : op.parameters("query")) {
      if (parameter.path("required").asBoolean(false)) {
        query
            .append(query.isEmpty() ? "?" : "&")
            .append(parameter.path("name").asString())
            .append('=')
            .append(
                java.net.URLEncoder.encode(
                    plausible(parameter.path("name").asString(), resolve(parameter.path("schema")))
                        .asString(),
                    StandardCharsets.UTF_8));
      }
    }
    for (JsonNode parameter : op.parameters("header")) {
      String name = parameter.path("name").asString();
      headers.put(name, name.equalsIgnoreCase("If-Match") ? "\"1\"" : UUID.randomUUID().toString());
    }
    JsonNode bodySchema =
        op.spec.path("requestBody").path("content").path("application/json").path("schema");
    JsonNode body = null;
    if (!bodySchema.isMissingNode()) {
      body = instance("body", resolve(bodySchema), 0);
      headers.put("Content-Type", "application/json");
    }
    return new Base(op.method, path + query, headers, body, op.method + " " + op.path)
        .withBodySchema(resolve(bodySchema));
  }

  private Map<String, String> authorization(String path) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + tokenForPath.apply(path));
    return headers;
  }

  private JsonNode instance(String name, JsonNode schema, int depth) {
    schema = resolve(schema);
    if (depth > 6) {
      return NODES.nullNode();
    }
    String type = type(schema);
    if ("object".equals(type) || schema.has("properties")) {
      ObjectNode object = NODES.objectNode();
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(r -> required.add(r.asString()));
      // Only the required fields: the smaller the base, the likelier it is valid, so that each
      // variant meets the check for the one thing it makes wrong.
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        if (!required.contains(property.getKey())) {
          continue;
        }
        object.set(property.getKey(), instance(property.getKey(), property.getValue(), depth + 1));
      }
      if (schema.path("additionalProperties").isObject() && !schema.has("properties")) {
        object.set("colour", instance("colour", schema.path("additionalProperties"), depth + 1));
      }
      return object;
    }
    if ("array".equals(type)) {
      ArrayNode array = NODES.arrayNode();
      array.add(instance(name, schema.path("items"), depth + 1));
      return array;
    }
    return plausible(name, schema);
  }

  /** A value that usually passes the field's checks: the point is to vary one field at a time. */
  private JsonNode plausible(String name, JsonNode schema) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (schema.has("enum")) {
      return schema.path("enum").get(0);
    }
    return switch (type(schema)) {
      case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
      case "number" -> NODES.numberNode(1);
      case "boolean" -> NODES.booleanNode(true);
      default -> NODES.stringNode(plausibleString(lower, schema));
    };
  }

  private String plausibleString(String name, JsonNode schema) {
    String format = schema.path("format").asString("");
    String pattern = schema.path("pattern").asString("");
    if (format.equals("date-time")) {
      return java.time.Instant.now().minusSeconds(60).toString();
    }
    if (format.equals("date")) {
      return java.time.LocalDate.now().toString();
    }
    if (format.equals("uuid")) {
      return UUID.randomUUID().toString();
    }
    if (format.equals("email") || name.contains("email")) {
      return "probe" + random.nextInt(1_000_000) + "@example.com";
    }
    if (pattern.startsWith("https?://") || name.contains("url") || format.equals("uri")) {
      return "https://example.com/p.png";
    }
    if (name.contains("currency")) {
      return "EUR";
    }
    if (name.contains("country")) {
      return "DE";
    }
    if (name.contains("password") || name.contains("secret")) {
      return "Probe-Passw0rd-" + random.nextInt(1_000_000);
    }
    return "probe" + random.nextInt(1_000_000);
  }

  private JsonNode resolve(JsonNode schema) {
    for (int i = 0; i < 10 && schema.has("$ref"); i++) {
      String ref = schema.path("$ref").asString();
      schema = document.at(JsonPointer.compile(ref.substring(1)));
    }
    if (schema.has("allOf")) {
      return resolve(schema.path("allOf").get(0));
    }
    if (schema.has("oneOf")) {
      return resolve(schema.path("oneOf").get(0));
    }
    return schema;
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      return type.isEmpty() ? "" : type.get(0).asString();
    }
    return type.asString("");
  }

  private static boolean isInteger(JsonNode schema) {
    return "integer".equals(type(schema));
  }

  private static boolean isString(JsonNode schema) {
    return "string".equals(type(schema));
  }

  record Operation(String method, String path, JsonNode spec) {
    List<JsonNode> parameters(String in) {
      List<JsonNode> out = new ArrayList<>();
      spec.path("parameters")
          .forEach(
              p -> {
                if (in.equals(p.path("in").asString())) {
                  out.add(p);
                }
              });
      return out;
    }

    String label() {
      return method + " " + path;
    }
  }

  private record Slot(JsonPointer pointer, JsonNode schema, boolean required) {}

  /** The well-formed request an operation's variants start from; each with-method copies it. */
  private static final class Base {
    final String method;
    final String target;
    final Map<String, String> headers;
    final @Nullable JsonNode body;
    final String operation;
    JsonNode bodySchema = NODES.missingNode();
    byte @Nullable [] rawBody;
    boolean truncated;

    Base(
        String method,
        String target,
        Map<String, String> headers,
        @Nullable JsonNode body,
        String operation) {
      this.method = method;
      this.target = target;
      this.headers = headers;
      this.body = body;
      this.operation = operation;
    }

    private Base copy(
        String method, String target, Map<String, String> headers, @Nullable JsonNode body) {
      Base copy = new Base(method, target, headers, body, operation);
      copy.bodySchema = bodySchema;
      copy.rawBody = rawBody;
      copy.truncated = truncated;
      return copy;
    }

    Base withBodySchema(JsonNode schema) {
      bodySchema = schema;
      return this;
    }

    Base withMethod(String other) {
      return copy(other, target, headers, body);
    }

    Base withPath(String other) {
      return copy(method, other, headers, body);
    }

    Base withQuery(String name, String encodedValue) {
      return copy(
          method,
          target + (target.contains("?") ? "&" : "?") + name + "=" + encodedValue,
          headers,
          body);
    }

    Base withPathParameter(Operation op, String name, String encodedValue) {
      String path = op.path.replace("{" + name + "}", encodedValue);
      int placeholder;
      while ((placeholder = path.indexOf('{')) >= 0) {
        int end = path.indexOf('}', placeholder);
        path = path.substring(0, placeholder) + "p1" + path.substring(end + 1);
      }
      return copy(method, path, headers, body);
    }

    Base withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return copy(method, target, more, body);
    }

    Base withoutHeader(String name) {
      Map<String, String> fewer = new LinkedHashMap<>(headers);
      fewer.remove(name);
      return copy(method, target, fewer, body);
    }

    Base withBody(JsonNode other) {
      Base copy = copy(method, target, headers, other);
      copy.rawBody = null;
      return copy;
    }

    Base withRawBody(byte[] bytes) {
      Base copy = copy(method, target, headers, body);
      copy.rawBody = bytes;
      return copy;
    }

    Base truncated() {
      Base copy = copy(method, target, headers, body);
      copy.truncated = true;
      return copy;
    }

    HostileRequest request(String kind, boolean mustRefuse) {
      byte[] bytes =
          rawBody != null ? rawBody : body == null ? new byte[0] : JSON.writeValueAsBytes(body);
      return new HostileRequest(
          operation, kind, method, target, Map.copyOf(headers), bytes, truncated, mustRefuse);
    }
  }
}
