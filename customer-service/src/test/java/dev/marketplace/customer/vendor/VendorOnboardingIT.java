package dev.marketplace.customer.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.marketplace.customer.CustomerIntegrationTest;
import dev.marketplace.testkit.OAuthClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A vendor applies, staff approve it, its systems get client-credentials tokens naming the vendor;
 * suspension cuts them off at once, and secrets rotate and revoke.
 */
class VendorOnboardingIT extends CustomerIntegrationTest {

  @Test
  void anApprovedVendorsClientGetsVendorTokensAndASuspendedOnesIsRefused() throws Exception {
    String email = newEmail("lumen");
    String vendorId = apply("Lumen Lighting", email);

    OAuthClient.Tokens pending = signInOnTheWeb(email, PASSWORD);
    assertThat(claims(pending.accessToken()).getStringListClaim("roles")).doesNotContain("VENDOR");
    assertThat(as(pending).get("/api/v1/vendor/clients").status()).isEqualTo(403);

    assertThat(admin().post("/api/v1/admin/vendors/" + vendorId + "/approve", null).status())
        .isEqualTo(200);
    OAuthClient.Tokens approved = signInOnTheWeb(email, PASSWORD);
    JWTClaimsSet userClaims = claims(approved.accessToken());
    assertThat(userClaims.getStringListClaim("roles")).contains("VENDOR");
    assertThat(userClaims.getStringClaim("vendor_id")).isEqualTo(vendorId);

    var created = as(approved).post("/api/v1/vendor/clients", Map.of("name", "ERP sync"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String clientId = created.json().path("clientId").asString();
    String secret = created.json().path("clientSecret").asString();

    OAuthClient.Tokens machine = OAuthClient.at(baseUrl()).clientCredentials(clientId, secret);
    assertThat(machine.status()).as(machine.body().toString()).isEqualTo(200);
    JWTClaimsSet machineClaims = claims(machine.accessToken());
    assertThat(machineClaims.getSubject()).isEqualTo(clientId);
    assertThat(machineClaims.getStringListClaim("roles")).containsExactly("VENDOR");
    assertThat(machineClaims.getStringClaim("vendor_id")).isEqualTo(vendorId);
    assertThat(machineClaims.getAudience()).containsExactly("marketplace-api");
    assertThat(as(machine).get("/api/v1/vendor/clients").status()).isEqualTo(200);

    assertThat(admin().post("/api/v1/admin/vendors/" + vendorId + "/suspend", null).status())
        .isEqualTo(200);
    OAuthClient.Tokens refused = OAuthClient.at(baseUrl()).clientCredentials(clientId, secret);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.error()).isEqualTo("invalid_client");
    OAuthClient.Tokens refreshed =
        OAuthClient.at(baseUrl()).refresh(WEB_CLIENT, WEB_SECRET, approved.refreshToken());
    assertThat(refreshed.error()).as("the refresh token was revoked").isEqualTo("invalid_grant");

    assertThat(admin().post("/api/v1/admin/vendors/" + vendorId + "/reinstate", null).status())
        .isEqualTo(200);
    assertThat(OAuthClient.at(baseUrl()).clientCredentials(clientId, secret).status())
        .isEqualTo(200);
  }

  @Test
  void aRotatedSecretReplacesTheOldOneAndARevokedClientGetsNothing() {
    OAuthClient.Tokens vendor = approvedVendor("rotate");
    var created = as(vendor).post("/api/v1/vendor/clients", Map.of("name", "POS bridge"));
    String clientId = created.json().path("clientId").asString();
    String oldSecret = created.json().path("clientSecret").asString();

    var rotated = as(vendor).post("/api/v1/vendor/clients/" + clientId + "/secret", null);
    assertThat(rotated.status()).isEqualTo(200);
    String newSecret = rotated.json().path("clientSecret").asString();

    assertThat(OAuthClient.at(baseUrl()).clientCredentials(clientId, oldSecret).status())
        .isEqualTo(401);
    assertThat(OAuthClient.at(baseUrl()).clientCredentials(clientId, newSecret).status())
        .isEqualTo(200);

    assertThat(as(vendor).delete("/api/v1/vendor/clients/" + clientId).status()).isEqualTo(204);
    assertThat(OAuthClient.at(baseUrl()).clientCredentials(clientId, newSecret).status())
        .isEqualTo(401);
  }

  @Test
  void aVendorCannotTouchAnotherVendorsClientsAndOnlyStaffDecideOnboarding() {
    OAuthClient.Tokens a = approvedVendor("vendor-a");
    OAuthClient.Tokens b = approvedVendor("vendor-b");
    String clientOfA =
        as(a)
            .post("/api/v1/vendor/clients", Map.of("name", "A's ERP"))
            .json()
            .path("clientId")
            .asString();

    assertThat(as(b).post("/api/v1/vendor/clients/" + clientOfA + "/secret", null).status())
        .isEqualTo(404);
    assertThat(as(b).delete("/api/v1/vendor/clients/" + clientOfA).status()).isEqualTo(404);
    assertThat(as(b).get("/api/v1/vendor/clients").json().findValuesAsString("clientId"))
        .doesNotContain(clientOfA);

    String pendingId = apply("Pending Co", newEmail("pending"));
    assertThat(as(a).post("/api/v1/admin/vendors/" + pendingId + "/approve", null).status())
        .isEqualTo(403);
    String shopper = newEmail("shopper");
    signUpVerified(shopper);
    assertThat(as(signInOnTheWeb(shopper, PASSWORD)).get("/api/v1/vendor/clients").status())
        .isEqualTo(403);
    var twice = admin().post("/api/v1/admin/vendors/" + pendingId + "/approve", null);
    assertThat(twice.status()).isEqualTo(200);
    var again = admin().post("/api/v1/admin/vendors/" + pendingId + "/approve", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
  }

  private static JWTClaimsSet claims(String token) throws Exception {
    return SignedJWT.parse(token).getJWTClaimsSet();
  }
}
