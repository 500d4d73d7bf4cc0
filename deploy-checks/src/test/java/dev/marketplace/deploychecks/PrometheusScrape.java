package dev.marketplace.deploychecks;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series names and label names of a Prometheus text exposition (what {@code
 * /actuator/prometheus} returns), e.g. {@code http_server_requests_seconds_bucket -> [application,
 * error, exception, le, method, outcome, status, uri]}.
 */
record PrometheusScrape(Map<String, Set<String>> labelsByMetric) {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+\\S+.*$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

  static PrometheusScrape parse(String exposition) {
    Map<String, Set<String>> labels = new TreeMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new IllegalArgumentException("not a sample line: " + line);
      }
      Set<String> names = labels.computeIfAbsent(sample.group(1), n -> new TreeSet<>());
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          names.add(label.group(1));
        }
      }
    }
    return new PrometheusScrape(labels);
  }

  boolean has(String metric) {
    return labelsByMetric.containsKey(metric);
  }

  Set<String> labels(String metric) {
    return labelsByMetric.getOrDefault(metric, Set.of());
  }

  PrometheusScrape plus(PrometheusScrape other) {
    Map<String, Set<String>> all = new TreeMap<>();
    for (PrometheusScrape scrape : new PrometheusScrape[] {this, other}) {
      scrape.labelsByMetric.forEach(
          (metric, names) -> all.computeIfAbsent(metric, m -> new TreeSet<>()).addAll(names));
    }
    return new PrometheusScrape(all);
  }
}
