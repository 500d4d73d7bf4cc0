package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.hostile.HostileInputSuite;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The generated hostile-input suite through the gateway against the real services: every operation
 * of every service's published document, as a shopper and as a vendor, answers a 4xx problem or
 * works, with the gateway's filters, rate limits and routing in the way.
 */
class HostileInputThroughTheGatewayIT {

  private static LocalStack stack;
  private static String vendorToken;
  private static String adminToken;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
    Identities identities = stack.identities();
    vendorToken =
        identities.vendorToken(
            identities.onboardVendor(
                "Hostile vendor", "hostile-vendor-" + UUID.randomUUID() + "@example.com"));
    adminToken = identities.adminToken();
  }

  @ParameterizedTest
  @ValueSource(strings = {"customer", "catalog", "search", "order", "inventory", "payment"})
  void everyOperationOfTheServiceSurvivesHostileInputThroughTheGateway(String service) {
    ApiClient.Response document = ApiClient.at(stack.gatewayUrl()).get("/v3/api-docs/" + service);
    assertThat(document.status()).as(document.toString()).isEqualTo(200);
    JsonNode openApi = document.json();
    // Shoppers of this service's run alone: erasing the account (DELETE /me, which a variant
    // may do) revokes its tokens, so /me itself has a shopper of its own.
    List<String> shoppers =
        stack
            .identities()
            .signUpShoppers(
                List.of(
                    "hostile-" + UUID.randomUUID() + "@example.com",
                    "hostile-me-" + UUID.randomUUID() + "@example.com"),
                2)
            .stream()
            .map(Identities.Shopper::accessToken)
            .toList();

    HostileInputSuite.probe(
            service + " through the gateway",
            stack.gatewayUrl(),
            openApi,
            path ->
                path.equals("/api/v1/customers/me")
                    ? shoppers.get(1)
                    : tokenFor(path, shoppers.getFirst()))
        .assertClean();
  }

  /** The caller each part of the API is for, so that a variant meets validation, not a 403. */
  private static String tokenFor(String path, String shopperToken) {
    if (path.contains("/admin/") || path.endsWith("/categories")) {
      return adminToken;
    }
    return path.contains("/vendor/") ? vendorToken : shopperToken;
  }
}
