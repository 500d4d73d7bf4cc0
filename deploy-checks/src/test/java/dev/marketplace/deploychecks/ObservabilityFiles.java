package dev.marketplace.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboards and Prometheus alert rules under deploy/observability, and the PromQL
 * expressions in them (panel queries, template variable queries, alert expressions).
 */
final class ObservabilityFiles {

  static final Path DASHBOARDS = Repository.resolve("deploy/observability/grafana/dashboards");
  static final Path ALERT_RULES = Repository.resolve("deploy/observability/prometheus/alerts.yml");

  /** Grafana's label_values(selector, label) variable query, which is not PromQL itself. */
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");

  /** Where an expression comes from (for messages) and the expression. */
  record Expression(String source, String promql) {}

  private ObservabilityFiles() {}

  static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode dashboard(Path file) {
    return Yaml.JSON.readTree(Yaml.text(file));
  }

  static JsonNode alertRules() {
    return Yaml.read(ALERT_RULES);
  }

  /** Every panel of a dashboard, including those inside collapsed rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  static List<Expression> expressions() {
    List<Expression> expressions = new ArrayList<>();
    for (Path file : dashboards()) {
      JsonNode dashboard = dashboard(file);
      String name = file.getFileName().toString();
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          if (target.has("expr")) {
            expressions.add(
                new Expression(
                    name + " panel '" + panel.path("title").asString() + "'",
                    target.path("expr").asString()));
          }
        }
      }
      for (JsonNode variable : dashboard.at("/templating/list")) {
        JsonNode query = variable.path("query");
        String text = query.isObject() ? query.path("query").asString("") : query.asString("");
        if (variable.path("type").asString().equals("query") && !text.isBlank()) {
          expressions.add(
              new Expression(name + " variable " + variable.path("name").asString(), text));
        }
      }
    }
    for (JsonNode group : alertRules().path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        String name =
            rule.has("alert") ? rule.path("alert").asString() : rule.path("record").asString();
        expressions.add(new Expression("alerts.yml " + name, rule.path("expr").asString()));
      }
    }
    return expressions;
  }

  /** Metric name -> label names matched on, over every expression. */
  static Map<String, Set<String>> referencedMetrics() {
    Map<String, Set<String>> referenced = new TreeMap<>();
    for (Expression expression : expressions()) {
      selectors(expression)
          .forEach((m, l) -> referenced.computeIfAbsent(m, x -> new TreeSet<>()).addAll(l));
    }
    return referenced;
  }

  static Map<String, Set<String>> selectors(Expression expression) {
    try {
      Matcher labelValues = LABEL_VALUES.matcher(expression.promql());
      if (labelValues.matches()) {
        Map<String, Set<String>> selected = PromQl.selectors(labelValues.group(1));
        selected.values().forEach(labels -> labels.add(labelValues.group(2)));
        return selected;
      }
      return PromQl.selectors(expression.promql());
    } catch (IllegalArgumentException e) {
      throw new AssertionError(expression.source() + ": " + e.getMessage(), e);
    }
  }
}
