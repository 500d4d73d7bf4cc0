package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Suspending a vendor and erasing a shopper stop their existing tokens within 5 s at the gateway
 * and at every service called directly, each through its own revocation list.
 */
class RevocationEverywhereIT {

  private static final Duration WITHIN = Duration.ofSeconds(5);

  private final LocalStack stack = SharedStack.get();
  private final Identities identities = stack.identities();

  @Test
  void aSuspendedVendorsTokenIsRefusedEverywhereWithinSeconds() {
    Identities.Vendor vendor = identities.onboardVendor("Suspended vendor", Shop.unique("vendor"));
    String token = identities.vendorToken(vendor);
    Map<String, ApiClient> everywhere = everywhere(token);
    assertAccepted(everywhere);

    var suspended =
        ApiClient.at(stack.gatewayUrl())
            .withToken(identities.adminToken())
            .post("/api/v1/admin/vendors/" + vendor.id() + "/suspend", null);
    assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);

    assertRefusedWithin(everywhere);
  }

  @Test
  void anErasedShoppersOtherSessionIsRefusedEverywhereWithinSeconds() {
    String email = Shop.unique("erased");
    Identities.Shopper shopper = identities.signUpShoppers(List.of(email), 1).getFirst();
    String otherSession = identities.signIn(email, Identities.PASSWORD).accessToken();
    Map<String, ApiClient> everywhere = everywhere(otherSession);
    assertAccepted(everywhere);

    var erased =
        ApiClient.at(stack.gatewayUrl())
            .withToken(shopper.accessToken())
            .delete("/api/v1/customers/me");
    assertThat(erased.status()).as(erased.toString()).isEqualTo(202);

    assertRefusedWithin(everywhere);
  }

  /** One call per place a token is checked: the gateway, and each service directly. */
  private Map<String, ApiClient> everywhere(String token) {
    Map<String, ApiClient> calls = new LinkedHashMap<>();
    calls.put("gateway", ApiClient.at(stack.gatewayUrl()).withToken(token));
    for (ServiceProcess service : stack.services()) {
      if (!service.name().equals("gateway-service")) {
        calls.put(service.name(), ApiClient.at(service.url()).withToken(token));
      }
    }
    return calls;
  }

  private static String pathAt(String where) {
    return switch (where) {
      case "search-service" -> "/api/v1/search/products?q=lamp";
      case "customer-service" -> "/api/v1/customers/me";
      case "order-service" -> "/api/v1/orders";
      case "inventory-service" -> "/api/v1/vendor/locations";
      case "payment-service" -> "/api/v1/payment-methods";
      default -> "/api/v1/products"; // the gateway, catalog-service
    };
  }

  private static void assertAccepted(Map<String, ApiClient> everywhere) {
    everywhere.forEach(
        (where, client) -> {
          var answer = client.get(pathAt(where));
          assertThat(answer.status()).as(where + ": " + answer).isNotEqualTo(401);
        });
  }

  private static Duration remaining(long startNanos) {
    Duration left = WITHIN.minusNanos(System.nanoTime() - startNanos);
    return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
  }

  private static void assertRefusedWithin(Map<String, ApiClient> everywhere) {
    long start = System.nanoTime();
    everywhere.forEach(
        (where, client) ->
            await()
                .atMost(remaining(start))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                    () -> {
                      var answer = client.get(pathAt(where));
                      assertThat(answer.status()).as(where + ": " + answer).isEqualTo(401);
                      assertThat(answer.contentType()).startsWith("application/problem+json");
                    }));
  }
}
