package dev.marketplace.gateway.web;

import dev.marketplace.gateway.GatewayIntegrationTest;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.hostile.HostileInputSuite;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own answers to hostile requests (paths the firewall refuses, oversized URLs and
 * headers, unknown methods, malformed bodies) are problems, never an empty body, a 5xx or a hang.
 * The services behind it are fakes here; the local stack's suite probes the real ones through it.
 */
class HostileInputIT extends GatewayIntegrationTest {

  /** A public read, a vendor's write with a body and a path parameter, and a shopper's cart. */
  private static final String ROUTES =
      """
      {"paths": {
        "/api/v1/products/{id}": {"get": {"parameters": [
          {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}]}},
        "/api/v1/search/products": {"get": {"parameters": [
          {"name": "q", "in": "query", "schema": {"type": "string"}},
          {"name": "page", "in": "query", "schema": {"type": "integer"}}]}},
        "/api/v1/vendor/products/{id}": {"put": {
          "parameters": [
            {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
            {"name": "If-Match", "in": "header", "required": true, "schema": {"type": "string"}}],
          "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["name", "variants"],
            "properties": {
              "name": {"type": "string"},
              "variants": {"type": "array", "items": {"type": "object", "required": ["sku"],
                "properties": {"sku": {"type": "string"}}}}}}}}}}}
      }}
      """;

  @Test
  void theGatewaysOwnAnswersToHostileInputAreProblems() {
    HostileInputSuite.probeAnswersOnly(
            "gateway-service",
            baseUrl(),
            JsonMapper.builder().build().readTree(ROUTES),
            TestTokens.vendor("hostile-vendor"))
        .assertClean();
  }
}
