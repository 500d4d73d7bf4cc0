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
  private static String shopperToken;
  private static String vendorToken;
  private static String adminToken;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
    Identities identities = stack.identities();
    String email = "hostile-" + UUID.randomUUID() + "@example.com";
    shopperToken = identities.signUpShoppers(List.of(email), 1).getFirst().accessToken();
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

    HostileInputSuite.probe(
            service + " through the gateway",
            stack.gatewayUrl(),
            openApi,
            HostileInputThroughTheGatewayIT::tokenFor)
        .assertClean();
  }

  /** The caller each part of the API is for, so that a variant meets validation, not a 403. */
  private static String tokenFor(String path) {
    if (path.contains("/admin/") || path.endsWith("/categories")) {
      return adminToken;
    }
    return path.contains("/vendor/") ? vendorToken : shopperToken;
  }
}
