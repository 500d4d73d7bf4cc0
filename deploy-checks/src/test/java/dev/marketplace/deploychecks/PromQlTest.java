package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The PromQL reading that MetricsExposedIT relies on finds metrics, and only metrics. */
class PromQlTest {

  @Test
  void findsTheMetricsAndMatchedLabelsOfARatio() {
    Map<String, Set<String>> selected =
        PromQl.selectors(
            "sum by (application) (rate(http_server_requests_seconds_count{outcome=\"SERVER_ERROR\","
                + " uri!~\"/actuator.*\"}[5m])) / sum by (application)"
                + " (rate(http_server_requests_seconds_count{uri!~\"/actuator.*\"}[5m])) > 0.05");

    assertThat(selected)
        .containsExactly(Map.entry("http_server_requests_seconds_count", Set.of("outcome", "uri")));
  }

  @Test
  void ignoresFunctionsGroupingLabelsDurationsNumbersAndGrafanaVariables() {
    Map<String, Set<String>> selected =
        PromQl.selectors(
            "histogram_quantile(0.99, sum by (application, le)"
                + " (rate(http_server_requests_seconds_bucket{application=~\"$application\"}"
                + "[$__rate_interval]))) > 1e3 and on (application) up offset 5m");

    assertThat(selected.keySet()).containsExactly("http_server_requests_seconds_bucket", "up");
  }

  @Test
  void findsBareMetricNames() {
    assertThat(PromQl.selectors("max by (application) (catalog_outbox_backlog) > 0").keySet())
        .containsExactly("catalog_outbox_backlog");
  }

  @Test
  void labelValuesInsideStringsAreNotMetrics() {
    assertThat(PromQl.selectors("x_total{uri=~\"/api/(products|search_total)\"}").keySet())
        .containsExactly("x_total");
  }

  @Test
  void refusesUnbalancedExpressionsAndSelectorsWithoutAName() {
    assertThatThrownBy(() -> PromQl.selectors("sum(rate(x_total[5m])"))
        .hasMessageContaining("unbalanced");
    assertThatThrownBy(() -> PromQl.selectors("{__name__=~\"x.*\"}"))
        .hasMessageContaining("without a metric name");
  }
}
