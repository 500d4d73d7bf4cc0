package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Staff actions in different services (a suspension in customer-service, a payment view in
 * payment-service) end up in the one audit trail, through the gateway, with the chain intact.
 */
class AuditTrailThroughTheStackIT {

  @Test
  void staffActionsInEveryServiceReachTheOneTrail() {
    Shop shop = Shop.open("Audited vendor");
    String sku = shop.productInStock(3);
    Shop.Shopper shopper = shop.shopperWithCard(Shop.APPROVE);
    String orderId = shop.checkout(shopper, sku, 1);
    shop.awaitStatus(shopper, orderId, "CONFIRMED");
    ApiClient admin = shop.admin();
    Identities.Vendor other =
        shop.identities().onboardVendor("Suspended for audit", Shop.unique("vendor"));

    assertThat(admin.get("/api/v1/admin/payments/" + orderId).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/admin/vendors/" + other.id() + "/suspend", null).status())
        .isEqualTo(200);

    JsonNode paymentView = awaitEntry(admin, "resource=/api/v1/admin/payments/" + orderId);
    assertThat(paymentView.path("service").asString()).isEqualTo("payment-service");
    assertThat(paymentView.path("outcome").asString()).isEqualTo("SUCCEEDED");
    JsonNode suspension = awaitEntry(admin, "action=suspend&resource=" + other.id());
    assertThat(suspension.path("service").asString()).isEqualTo("customer-service");
    assertThat(suspension.path("actor").asString()).isEqualTo(paymentView.path("actor").asString());
    var verification = admin.get("/api/v1/admin/audit/verification");
    assertThat(verification.json().path("intact").asBoolean()).as(verification.toString()).isTrue();
    assertThat(shopper.api().get("/api/v1/admin/audit").status()).isEqualTo(403);
  }

  private static JsonNode awaitEntry(ApiClient admin, String query) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> admin.get("/api/v1/admin/audit?" + query).json().path("items"),
            items -> items.size() > 0)
        .get(0);
  }
}
