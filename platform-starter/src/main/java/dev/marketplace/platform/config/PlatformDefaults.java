package dev.marketplace.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, added with the lowest precedence so a service's application
 * properties, environment variables and test properties all override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "marketplacePlatformDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults()));
  }

  static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    // Services block on I/O (databases, Kafka, HTTP); virtual threads keep that cheap.
    d.put("spring.threads.virtual.enabled", true);
    // Access tokens name the API they are for; a token issued for another audience is refused.
    d.put("spring.security.oauth2.resourceserver.jwt.audiences", "marketplace-api");
    d.put("server.shutdown", "graceful");
    // Behind the gateway: links and redirects use the public address it forwards (Tomcat trusts
    // X-Forwarded-* from private addresses only).
    d.put("server.forward-headers-strategy", "native");
    d.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
    // Errors are RFC 9457 problem details everywhere.
    // (ProblemDetailsAdvice replaces Spring Boot's handler, so Boot's own stays off.)
    d.put("spring.mvc.problemdetails.enabled", false);
    // A vendor's typo ("prcie") must be an error, not a silently ignored field.
    d.put("spring.jackson.deserialization.fail-on-unknown-properties", true);
    // 12.5 is not a price in minor units: refuse it instead of truncating it to 12.
    d.put("spring.jackson.deserialization.accept-float-as-int", false);
    d.put("marketplace.http.max-body-size", "1MB");
    // Health groups for Kubernetes probes, metrics for Prometheus.
    d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
    d.put("management.endpoint.health.probes.enabled", true);
    d.put("management.endpoint.health.show-details", "never");
    // Not ready until the revocation list is current: no request reaches an instance that would
    // still accept a revoked token (a service without the list, in a test, must still start).
    d.put("management.endpoint.health.group.readiness.include", "readinessState,revocations");
    d.put("management.endpoint.health.validate-group-membership", false);
    d.put("management.observations.key-values.application", "${spring.application.name:service}");
    // Histogram buckets for HTTP server timings, so Prometheus can compute p99 latency per service
    // (dashboards and alerts in deploy/observability use http_server_requests_seconds_bucket).
    d.put("management.metrics.distribution.percentiles-histogram.http.server.requests", true);
    d.put("management.tracing.sampling.probability", 1.0);
    // One span per security filter costs more than it tells; the request's own span stays.
    d.put("management.observations.enable.spring.security", false);
    // Spans go to a trace backend only when management.opentelemetry.tracing.export.otlp.endpoint
    // is set; without one, tracing still stamps trace ids into logs and Kafka headers.
    // Metrics go to Prometheus, not OTLP.
    d.put("management.otlp.metrics.export.enabled", false);
    // Structured JSON logs (Elastic Common Schema) carrying trace and span ids.
    d.put("logging.structured.format.console", "ecs");
    // Kafka clients log every reconnect attempt at INFO; during an outage that floods the logs.
    d.put("logging.level.org.apache.kafka.clients.admin.internals.AdminMetadataManager", "WARN");
    d.put("logging.level.org.apache.kafka.clients.NetworkClient", "WARN");
    // Kafka: JSON text values, keys are aggregate ids; no acknowledged write is lost.
    d.put("spring.kafka.producer.acks", "all");
    d.put("spring.kafka.producer.properties.enable.idempotence", true);
    d.put("spring.kafka.producer.properties.delivery.timeout.ms", 30000);
    d.put("spring.kafka.producer.properties.request.timeout.ms", 10000);
    d.put("spring.kafka.producer.properties.max.block.ms", 5000);
    d.put(
        "spring.kafka.producer.key-serializer",
        "org.apache.kafka.common.serialization.StringSerializer");
    d.put(
        "spring.kafka.producer.value-serializer",
        "org.apache.kafka.common.serialization.StringSerializer");
    d.put(
        "spring.kafka.consumer.key-deserializer",
        "org.apache.kafka.common.serialization.StringDeserializer");
    d.put(
        "spring.kafka.consumer.value-deserializer",
        "org.apache.kafka.common.serialization.StringDeserializer");
    d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
    d.put("spring.kafka.consumer.enable-auto-commit", false);
    d.put("spring.kafka.consumer.properties.isolation.level", "read_committed");
    d.put("spring.kafka.template.observation-enabled", true);
    d.put("spring.kafka.listener.observation-enabled", true);
    d.put("springdoc.api-docs.path", "/v3/api-docs");
    // The outbox (services with Spring Modulith's JDBC registry; ignored elsewhere). The table is
    // created if missing; a sent event's row is deleted, so the table holds only what is pending.
    d.put("spring.modulith.events.jdbc.schema-initialization.enabled", true);
    d.put("spring.modulith.events.completion-mode", "delete");
    // Outbox messages are already envelope JSON; Modulith's JSON converter would encode them again.
    d.put("spring.modulith.events.kafka.enable-json", false);
    // A publication still unsent after these ages is marked failed and resent by the outbox's
    // resubmitter: stored but never picked up (the process died after commit) after 5 s; being
    // sent or resent (the process died while sending) after 15 s. A send still retrying in the
    // producer then (Kafka slow or away, up to its 30 s delivery timeout) is sent twice, which
    // consumers handle once (same event id); a lost one waited a minute before, and its saga too.
    d.put("spring.modulith.events.staleness.published", "5s");
    d.put("spring.modulith.events.staleness.processing", "15s");
    d.put("spring.modulith.events.staleness.resubmission", "15s");
    d.put("spring.modulith.events.staleness.check-intervall", "1s");
    // The staleness check logs "no stale publications" at INFO three times per check.
    d.put(
        "logging.level.org.springframework.modulith.events.core.DefaultEventPublicationRegistry",
        "WARN");
    return d;
  }
}
