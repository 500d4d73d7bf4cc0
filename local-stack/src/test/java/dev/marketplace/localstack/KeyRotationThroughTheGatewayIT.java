package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.marketplace.testkit.ApiClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A signing-key rotation as docs/operations.md describes it, seen from the outside:
 * customer-service is redeployed with a new key that signs and the old one still listed. Tokens
 * signed before keep working through the gateway and the services behind it, and tokens signed with
 * the new key work at once: the gateway and every service fetch the key set again for a key id they
 * do not know, so none of them restarts and nobody signs in again.
 */
class KeyRotationThroughTheGatewayIT {

  private static final String NEW_KEY_ID = "local-rotated";

  @Test
  void tokensOfTheOldAndTheNewKeyAreBothAcceptedAfterARotation() throws Exception {
    LocalStack stack = SharedStack.get();
    Identities identities = stack.identities();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Identities.Vendor vendor =
        identities.onboardVendor("Rotation vendor", "rotation-" + suffix + "@example.com");
    String shopperEmail = "rotation-shopper-" + suffix + "@example.com";
    identities.signUpShopper(shopperEmail, "Ada", "Lovelace");
    String oldVendorToken = identities.vendorToken(vendor);
    String oldShopperToken = identities.signIn(shopperEmail, Identities.PASSWORD).accessToken();
    assertThat(keyId(oldVendorToken)).isEqualTo(LocalStack.SIGNING_KEY_ID);

    rotateSigningKey(stack);

    String newVendorToken = identities.vendorToken(vendor);
    String newShopperToken = identities.signIn(shopperEmail, Identities.PASSWORD).accessToken();
    assertThat(keyId(newVendorToken)).isEqualTo(NEW_KEY_ID);
    assertThat(keyId(newShopperToken)).isEqualTo(NEW_KEY_ID);
    for (String token : new String[] {oldVendorToken, newVendorToken}) {
      // Through the gateway to catalog-service, which checks the token again itself.
      var products = api(stack, token).get("/api/v1/vendor/products");
      assertThat(products.status()).as(products.toString()).isEqualTo(200);
    }
    for (String token : new String[] {oldShopperToken, newShopperToken}) {
      var me = api(stack, token).get("/api/v1/customers/me");
      assertThat(me.status()).as(me.toString()).isEqualTo(200);
      assertThat(me.json().path("familyName").asString()).isEqualTo("Lovelace");
    }
  }

  /**
   * Step 3 of the rotation: the new key first (it signs), the old one second (still published and
   * accepted). The old key stays listed, so the shared stack's other tests are unaffected.
   */
  private static void rotateSigningKey(LocalStack stack) {
    ServiceProcess customer = stack.service("customer-service");
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("marketplace.auth.signing-keys[0].id", NEW_KEY_ID);
    keys.put("marketplace.auth.signing-keys[0].private-key", LocalSecrets.rsaPrivateKeyPem());
    keys.put("marketplace.auth.signing-keys[1].id", LocalStack.SIGNING_KEY_ID);
    keys.put("marketplace.auth.signing-keys[1].private-key", stack.secrets().signingKeyPem());
    customer.close();
    customer.restart(keys);
    customer.awaitReady(Duration.ofMinutes(5));
  }

  private static String keyId(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  private static ApiClient api(LocalStack stack, String token) {
    return ApiClient.at(stack.gatewayUrl()).withToken(token);
  }
}
