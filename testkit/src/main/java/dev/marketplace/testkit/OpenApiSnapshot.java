package dev.marketplace.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a running service's OpenAPI document with the one committed in its module ({@code
 * src/test/resources/openapi.json}), so an API change, breaking or not, cannot land unnoticed: the
 * build fails until the snapshot is updated deliberately, in the same commit, with {@code
 * -Dopenapi.update=true}.
 */
public final class OpenApiSnapshot {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private OpenApiSnapshot() {}

  /**
   * @return null when the document matches (or was just written), else a message naming the
   *     difference
   */
  public static String compare(String baseUrl, Path committed) {
    ApiClient.Response response = ApiClient.at(baseUrl).get("/v3/api-docs");
    if (response.status() != 200) {
      return "GET /v3/api-docs answered " + response.status();
    }
    String lint = lint(response.json());
    if (lint != null) {
      return lint;
    }
    String current = normalise(response.json());
    try {
      if (Boolean.getBoolean("openapi.update") || !Files.exists(committed)) {
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, current);
        return Boolean.getBoolean("openapi.update")
            ? null
            : "no committed OpenAPI document yet; wrote " + committed + ": commit it";
      }
      String expected = normalise(JSON.readTree(Files.readString(committed)));
      return expected.equals(current)
          ? null
          : "the API changed; if intended, run the build with -Dopenapi.update=true and commit "
              + committed
              + "\n"
              + firstDifference(expected, current);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a client generated from the document needs besides the shapes: each operation says in a
   * summary what it does and declares the problems it can answer (a 4xx as problem+json).
   */
  static @Nullable String lint(JsonNode document) {
    StringBuilder missing = new StringBuilder();
    for (var path : document.path("paths").properties()) {
      for (var operation : path.getValue().properties()) {
        String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        if (operation.getValue().path("summary").asString("").isBlank()) {
          missing.append("\n  ").append(name).append(": no summary");
        }
        boolean problems = false;
        for (var answer : operation.getValue().path("responses").properties()) {
          problems |=
              answer.getKey().startsWith("4")
                  && answer.getValue().path("content").has("application/problem+json");
        }
        if (!problems) {
          missing.append("\n  ").append(name).append(": no 4xx problem response");
        }
      }
    }
    return missing.isEmpty() ? null : "the OpenAPI document is incomplete:" + missing;
  }

  private static String normalise(JsonNode document) {
    // Server URLs carry the test's random port.
    if (document.isObject()) {
      ((tools.jackson.databind.node.ObjectNode) document).remove("servers");
    }
    Object tree = JSON.treeToValue(document, Object.class);
    return JSON.writeValueAsString(tree) + "\n";
  }

  private static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n");
    String[] b = actual.split("\n");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        return "line "
            + (i + 1)
            + ":\n  committed: "
            + a[i].strip()
            + "\n  now:       "
            + b[i].strip();
      }
    }
    return "the documents differ in length (" + a.length + " vs " + b.length + " lines)";
  }
}
