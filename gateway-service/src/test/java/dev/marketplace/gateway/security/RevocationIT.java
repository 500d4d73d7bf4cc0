package dev.marketplace.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marketplace.events.EventEnvelope;
import dev.marketplace.events.EventJson;
import dev.marketplace.events.Topics;
import dev.marketplace.events.customer.AccessRevokedV1;
import dev.marketplace.events.customer.AccessRevokedV1.Reason;
import dev.marketplace.events.customer.AccessRevokedV1.Scope;
import dev.marketplace.gateway.GatewayIntegrationTest;
import dev.marketplace.testkit.TestTokens;
import dev.marketplace.testkit.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A revocation published on identity.revocations stops the tokens issued before it at the gateway
 * within seconds, before any service is called; other callers' tokens pass as before.
 */
class RevocationIT extends GatewayIntegrationTest {

  @Test
  void aSuspendedVendorsAndAnErasedShoppersTokensAreRefusedWithinSeconds() {
    String vendor = unique("vendor");
    String otherVendor = unique("vendor");
    String shopper = unique("shopper");
    String vendorToken = TestTokens.vendor(vendor);
    String shopperToken = TestTokens.shopper(shopper);
    assertThat(withToken(vendorToken).get("/api/v1/vendor/products").status()).isEqualTo(200);

    revoke(Scope.VENDOR, vendor, Reason.VENDOR_SUSPENDED);
    revoke(Scope.SUBJECT, shopper, Reason.ACCOUNT_ERASED);

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              var refused = withToken(vendorToken).get("/api/v1/vendor/products");
              assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
              assertThat(refused.contentType()).startsWith("application/problem+json");
            });
    CATALOG.service().reset();
    var erased = withToken(shopperToken).get("/api/v1/products");
    assertThat(erased.status()).as("even on a public read: " + erased).isEqualTo(401);
    assertThat(CATALOG.service().received()).as("refused before the service").isEmpty();
    assertThat(withToken(TestTokens.vendor(otherVendor)).get("/api/v1/vendor/products").status())
        .isEqualTo(200);
    assertThat(withToken(TestTokens.shopper(unique("shopper"))).get("/api/v1/products").status())
        .isEqualTo(200);
  }

  private static void revoke(Scope scope, String subject, Reason reason) {
    AccessRevokedV1 revocation = new AccessRevokedV1(scope, subject, reason, Instant.now());
    TopicWriter.send(
        Topics.prefixed(KAFKA_NAMESPACE.name(), Topics.IDENTITY_REVOCATIONS),
        revocation.key(),
        EventJson.write(EventEnvelope.of("test", Instant.now(), null, revocation)));
  }
}
