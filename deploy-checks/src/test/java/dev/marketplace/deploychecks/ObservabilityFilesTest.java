package dev.marketplace.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Dashboards and alert rules parse and are complete (MetricsExposedIT checks that the metrics they
 * use exist); every dashboard also ships to Kubernetes; Grafana and Prometheus configuration fit
 * together.
 */
class ObservabilityFilesTest {

  private static final String DATASOURCE_VARIABLE = "${datasource}";

  @Test
  void dashboardsAreCompleteAndPortable() {
    Set<String> uids = new HashSet<>();
    List<Path> dashboards = ObservabilityFiles.dashboards();
    assertThat(dashboards).isNotEmpty();
    for (Path file : dashboards) {
      JsonNode dashboard = ObservabilityFiles.dashboard(file);
      String name = file.getFileName().toString();
      assertThat(uids.add(dashboard.path("uid").asString("")))
          .as("unique uid in %s", name)
          .isTrue();
      assertThat(dashboard.path("title").asString()).as(name).startsWith("Marketplace / ");
      // A data source variable instead of a fixed uid: the same JSON works in compose and k8s.
      assertThat(dashboard.at("/templating/list"))
          .anySatisfy(v -> assertThat(v.path("type").asString()).isEqualTo("datasource"));

      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : ObservabilityFiles.panels(dashboard)) {
        String title = name + " panel '" + panel.path("title").asString() + "'";
        assertThat(ids.add(panel.path("id").asInt())).as("unique id of %s", title).isTrue();
        assertThat(panel.has("gridPos")).as(title).isTrue();
        if (!panel.path("type").asString().equals("row")) {
          assertThat(panel.at("/datasource/uid").asString())
              .as(title)
              .isEqualTo(DATASOURCE_VARIABLE);
          assertThat(panel.path("description").asString("")).as(title).isNotBlank();
          assertThat(panel.path("targets")).as("queries of %s", title).isNotEmpty();
          for (JsonNode target : panel.path("targets")) {
            assertThat(target.path("expr").asString("")).as(title).isNotBlank();
          }
        }
      }
    }
  }

  @Test
  void everyExpressionSelectsMetrics() {
    for (ObservabilityFiles.Expression expression : ObservabilityFiles.expressions()) {
      assertThat(ObservabilityFiles.selectors(expression)).as(expression.source()).isNotEmpty();
    }
  }

  @Test
  void alertRulesAreCompleteAndOnlyUseKnownSeverities() {
    JsonNode groups = ObservabilityFiles.alertRules().path("groups");
    assertThat(groups).isNotEmpty();
    Set<String> names = new HashSet<>();
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        String alert = rule.path("alert").asString("");
        assertThat(alert)
            .as("alert name in group %s", group.path("name"))
            .startsWith("Marketplace");
        assertThat(names.add(alert)).as("unique alert %s", alert).isTrue();
        assertThat(rule.path("expr").asString("")).as(alert).isNotBlank();
        assertThat(rule.at("/labels/severity").asString()).as(alert).isIn("critical", "warning");
        assertThat(rule.at("/annotations/summary").asString("")).as(alert).isNotBlank();
        assertThat(rule.at("/annotations/description").asString("")).as(alert).isNotBlank();
        if (rule.has("for")) {
          assertThat(rule.path("for").asString()).as(alert).matches("\\d+[smh]");
        }
      }
    }
    // What the issue asks alerts for.
    assertThat(names)
        .contains(
            "MarketplaceHighErrorRate",
            "MarketplaceHighLatencyP99",
            "MarketplaceDeadLettersGrowing",
            "MarketplaceConsumerLagHigh",
            "MarketplaceOutboxBacklogOld");
  }

  @Test
  void everyDashboardAndTheRulesShipToKubernetesToo() {
    String kustomization = Yaml.text(Repository.resolve("deploy/observability/kustomization.yaml"));
    for (Path file : ObservabilityFiles.dashboards()) {
      assertThat(kustomization).contains("grafana/dashboards/" + file.getFileName());
    }
    assertThat(kustomization).contains("prometheus/alerts.yml");
  }

  @Test
  void prometheusLoadsTheRulesAndGrafanaKnowsTheDataSources() {
    JsonNode prometheus =
        Yaml.read(Repository.resolve("deploy/observability/prometheus/prometheus.yml"));
    assertThat(prometheus.path("rule_files")).extracting(JsonNode::asString).contains("alerts.yml");
    JsonNode kubernetes =
        Yaml.read(Repository.resolve("deploy/observability/prometheus/kubernetes-scrape.yml"));
    // Both scrape jobs carry the name the ServiceDown alert selects.
    assertThat(prometheus.at("/scrape_configs/0/job_name").asString())
        .isEqualTo(kubernetes.at("/scrape_configs/0/job_name").asString())
        .isEqualTo("marketplace-services");

    JsonNode datasources =
        Yaml.read(
            Repository.resolve(
                "deploy/observability/grafana/provisioning/datasources/datasources.yml"));
    assertThat(datasources.path("datasources"))
        .extracting(d -> d.path("type").asString())
        .contains("prometheus", "jaeger");
  }
}
