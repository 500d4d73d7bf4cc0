package dev.marketplace.customer.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.marketplace.customer.CustomerIntegrationTest;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.OAuthClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Suspending a vendor, erasing or disabling an account, and revoking or rotating an API client stop
 * the tokens already issued within seconds (this service's own revocation list, fed through Kafka,
 * as every service's is), and delete the refresh tokens at once. Tokens issued afterwards work.
 */
class RevocationIT extends CustomerIntegrationTest {

  private static final Duration WITHIN = Duration.ofSeconds(5);

  @Test
  void aSuspendedVendorsUserAndClientTokensStopAndItsRefreshTokenIsGone() {
    String email = newEmail("suspended");
    String vendorId = apply("Suspended Goods", email);
    assertThat(admin().post("/api/v1/admin/vendors/" + vendorId + "/approve", null).status())
        .isEqualTo(200);
    OAuthClient.Tokens user = signInOnTheWeb(email, PASSWORD);
    var created = as(user).post("/api/v1/vendor/clients", Map.of("name", "ERP"));
    OAuthClient.Tokens machine =
        OAuthClient.at(baseUrl())
            .clientCredentials(
                created.json().path("clientId").asString(),
                created.json().path("clientSecret").asString());
    assertThat(as(machine).get("/api/v1/vendor/clients").status()).isEqualTo(200);

    assertThat(admin().post("/api/v1/admin/vendors/" + vendorId + "/suspend", null).status())
        .isEqualTo(200);

    awaitRefused(as(user), "/api/v1/vendor/clients");
    awaitRefused(as(machine), "/api/v1/vendor/clients");
    assertThat(
            OAuthClient.at(baseUrl()).refresh(WEB_CLIENT, WEB_SECRET, user.refreshToken()).error())
        .isEqualTo("invalid_grant");

    assertThat(admin().post("/api/v1/admin/vendors/" + vendorId + "/reinstate", null).status())
        .isEqualTo(200);
    assertThat(as(signInOnTheWeb(email, PASSWORD)).get("/api/v1/vendor/clients").status())
        .as("a token issued after reinstatement, at once")
        .isEqualTo(200);
  }

  @Test
  void anErasedShoppersTokensStopAndItsRefreshTokenIsGone() {
    String email = newEmail("erased");
    signUpVerified(email);
    OAuthClient.Tokens shopper = signInOnTheWeb(email, PASSWORD);
    OAuthClient.Tokens otherSession = signInOnTheWeb(email, PASSWORD);

    assertThat(as(shopper).delete("/api/v1/customers/me").status()).isEqualTo(202);

    awaitRefused(as(otherSession), "/api/v1/customers/me");
    assertThat(
            OAuthClient.at(baseUrl())
                .refresh(WEB_CLIENT, WEB_SECRET, otherSession.refreshToken())
                .error())
        .isEqualTo("invalid_grant");
  }

  @Test
  void aDisabledAccountCannotSignInAndItsTokensStopUntilStaffEnableIt() {
    String email = newEmail("disabled");
    String id = signUpVerified(email);
    OAuthClient.Tokens shopper = signInOnTheWeb(email, PASSWORD);

    OAuthClient.Tokens otherShopper = signInOnTheWeb(signUpAnother(), PASSWORD);
    assertThat(as(otherShopper).post("/api/v1/admin/accounts/" + id + "/disable", null).status())
        .as("another shopper cannot disable this account")
        .isEqualTo(403);
    assertThat(
            as(approvedVendor("not-staff"))
                .post("/api/v1/admin/accounts/" + id + "/disable", null)
                .status())
        .isEqualTo(403);

    var disabled = admin().post("/api/v1/admin/accounts/" + id + "/disable", null);
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    assertThat(disabled.json().path("status").asString()).isEqualTo("DISABLED");

    awaitRefused(as(shopper), "/api/v1/customers/me");
    assertThat(
            OAuthClient.at(baseUrl())
                .refresh(WEB_CLIENT, WEB_SECRET, shopper.refreshToken())
                .error())
        .isEqualTo("invalid_grant");
    assertThatThrownBy(
            () ->
                OAuthClient.at(baseUrl())
                    .authorizationCode(WEB_CLIENT, WEB_SECRET, WEB_CALLBACK, email, PASSWORD))
        .as("no sign-in while disabled")
        .hasMessageContaining("sign-in rejected");
    var twice = admin().post("/api/v1/admin/accounts/" + id + "/disable", null);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.contentType()).startsWith("application/problem+json");
    assertThat(as(shopper).post("/api/v1/admin/accounts/" + id + "/enable", null).status())
        .isEqualTo(401);

    assertThat(admin().post("/api/v1/admin/accounts/" + id + "/enable", null).status())
        .isEqualTo(200);
    assertThat(as(signInOnTheWeb(email, PASSWORD)).get("/api/v1/customers/me").status())
        .isEqualTo(200);
  }

  @Test
  void aRotatedClientsOldTokensStopAndATokenForTheNewSecretWorksAtOnce() {
    OAuthClient.Tokens vendor = approvedVendor("rotating");
    var created = as(vendor).post("/api/v1/vendor/clients", Map.of("name", "POS"));
    String clientId = created.json().path("clientId").asString();
    OAuthClient.Tokens old =
        OAuthClient.at(baseUrl())
            .clientCredentials(clientId, created.json().path("clientSecret").asString());

    var rotated = as(vendor).post("/api/v1/vendor/clients/" + clientId + "/secret", null);
    OAuthClient.Tokens fresh =
        OAuthClient.at(baseUrl())
            .clientCredentials(clientId, rotated.json().path("clientSecret").asString());

    awaitRefused(as(old), "/api/v1/vendor/clients");
    assertThat(as(fresh).get("/api/v1/vendor/clients").status())
        .as("issued within the rotation's second, and still valid")
        .isEqualTo(200);

    assertThat(as(vendor).delete("/api/v1/vendor/clients/" + clientId).status()).isEqualTo(204);
    awaitRefused(as(fresh), "/api/v1/vendor/clients");
  }

  private String signUpAnother() {
    String email = newEmail("other");
    signUpVerified(email);
    return email;
  }

  private static void awaitRefused(ApiClient client, String path) {
    await()
        .atMost(WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              var answer = client.get(path);
              assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
              assertThat(answer.contentType()).startsWith("application/problem+json");
            });
  }
}
