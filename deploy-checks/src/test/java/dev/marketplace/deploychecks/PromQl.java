package dev.marketplace.deploychecks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to check dashboards and alert rules against what services expose: the
 * metric names an expression selects and the label names it matches on. Not a parser: it strips
 * what cannot be a metric name (strings, durations, numbers, grouping clauses, Grafana variables,
 * function and keyword names) and keeps identifiers in selector position.
 */
final class PromQl {

  /** Aggregations, functions and keywords; an identifier followed by "(" is a function anyway. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan",
          "atan2");

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern GRAFANA_VARIABLE =
      Pattern.compile("\\$\\{[^}]*}|\\$[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
  private static final Pattern SELECTOR =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)}");
  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![a-zA-Z0-9_:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

  private PromQl() {}

  /** Metric name -> label names used in its matchers, for every metric the expression selects. */
  static Map<String, Set<String>> selectors(String expression) {
    String expr = checkBalanced(expression);
    // Strings first, keeping their place (""), so a label value never looks like a metric.
    expr = GRAFANA_VARIABLE.matcher(expr).replaceAll("1");
    Map<String, Set<String>> selected = new LinkedHashMap<>();
    List<String> bareSelectors = new ArrayList<>();
    Matcher selector = SELECTOR.matcher(STRING.matcher(expr).replaceAll("\"\""));
    StringBuilder rest = new StringBuilder();
    while (selector.find()) {
      Set<String> labels = new TreeSet<>();
      Matcher matcher = MATCHER.matcher(selector.group(2));
      while (matcher.find()) {
        labels.add(matcher.group(1));
      }
      String name = selector.group(1);
      if (name != null && !KEYWORDS.contains(name)) {
        selected.computeIfAbsent(name, n -> new TreeSet<>()).addAll(labels);
      } else {
        bareSelectors.add(selector.group());
      }
      selector.appendReplacement(rest, " ");
    }
    selector.appendTail(rest);
    String withoutSelectors = GROUPING.matcher(rest.toString()).replaceAll(" ");
    withoutSelectors = RANGE.matcher(withoutSelectors).replaceAll(" ");
    Matcher identifier = IDENTIFIER.matcher(withoutSelectors);
    while (identifier.find()) {
      String name = identifier.group(1);
      boolean function = identifier.group(2) != null;
      if (!function && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
        selected.computeIfAbsent(name, n -> new TreeSet<>());
      }
    }
    if (!bareSelectors.isEmpty()) {
      throw new IllegalArgumentException(
          "selector without a metric name in: " + expression + " " + bareSelectors);
    }
    return selected;
  }

  private static String checkBalanced(String expression) {
    String withoutStrings = STRING.matcher(expression).replaceAll("\"\"");
    int round = 0;
    int curly = 0;
    int square = 0;
    for (char c : withoutStrings.toCharArray()) {
      switch (c) {
        case '(' -> round++;
        case ')' -> round--;
        case '{' -> curly++;
        case '}' -> curly--;
        case '[' -> square++;
        case ']' -> square--;
        default -> {}
      }
      if (round < 0 || curly < 0 || square < 0) {
        break;
      }
    }
    if (round != 0 || curly != 0 || square != 0) {
      throw new IllegalArgumentException("unbalanced brackets in: " + expression);
    }
    return expression;
  }
}
