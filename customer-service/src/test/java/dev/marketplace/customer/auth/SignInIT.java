package dev.marketplace.customer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.marketplace.customer.CustomerIntegrationTest;
import dev.marketplace.testkit.OAuthClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-up, verification and the standard flows a web shop and a mobile app use. */
class SignInIT extends CustomerIntegrationTest {

  @Test
  void aVerifiedShopperSignsInWithAuthorizationCodeAndPkceAndCallsTheShopperApi() throws Exception {
    String email = newEmail("ada");
    String id = signUpVerified(email);

    OAuthClient.Tokens tokens = signInOnTheWeb(email, PASSWORD);

    var claims = SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(id);
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getAudience()).containsExactly("marketplace-api");
    assertThat(claims.getStringListClaim("roles")).containsExactly("SHOPPER");
    assertThat(tokens.idToken()).isNotNull();
    var me = as(tokens).get("/api/v1/customers/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().path("email").asString()).isEqualTo(email);
    assertThat(me.json().path("status").asString()).isEqualTo("ACTIVE");
  }

  @Test
  void theWebShopRefreshesItsTokensAndEachRefreshTokenWorksOnce() {
    String email = newEmail("grace");
    signUpVerified(email);
    OAuthClient.Tokens first = signInOnTheWeb(email, PASSWORD);
    assertThat(first.refreshToken()).isNotNull();

    OAuthClient web = OAuthClient.at(baseUrl());
    OAuthClient.Tokens refreshed = web.refresh(WEB_CLIENT, WEB_SECRET, first.refreshToken());

    assertThat(refreshed.status()).as(refreshed.body().toString()).isEqualTo(200);
    assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(as(refreshed).get("/api/v1/customers/me").status()).isEqualTo(200);
    // Rotation: a used refresh token is spent.
    assertThat(web.refresh(WEB_CLIENT, WEB_SECRET, first.refreshToken()).status()).isEqualTo(400);
  }

  @Test
  void theMobileAppIsAPublicClientWithPkce() {
    String email = newEmail("mobile");
    signUpVerified(email);

    OAuthClient.Tokens tokens =
        OAuthClient.at(baseUrl())
            .authorizationCode(MOBILE_CLIENT, null, MOBILE_CALLBACK, email, PASSWORD);

    assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
    assertThat(as(tokens).get("/api/v1/customers/me").status()).isEqualTo(200);
  }

  @Test
  void anUnverifiedShopperCannotSignIn() {
    String email = newEmail("unverified");
    var created =
        anonymous()
            .post(
                "/api/v1/customers",
                Map.of("email", email, "password", PASSWORD, "givenName", "U", "familyName", "V"));
    assertThat(created.status()).isEqualTo(201);

    OAuthClient.SignIn signIn = OAuthClient.at(baseUrl()).signIn(email, PASSWORD);

    assertThat(signIn.rejected()).isTrue();
  }

  @Test
  void aVerificationTokenWorksOnceAndABadOneIsAFieldError() {
    String email = newEmail("twice");
    var created =
        anonymous()
            .post(
                "/api/v1/customers",
                Map.of("email", email, "password", PASSWORD, "givenName", "T", "familyName", "W"));
    String token = verificationToken(created.json().path("id").asString());

    assertThat(anonymous().post("/api/v1/customers/verify-email", Map.of("token", token)).status())
        .isEqualTo(204);
    var again = anonymous().post("/api/v1/customers/verify-email", Map.of("token", token));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().path("errors").get(0).path("field").asString()).isEqualTo("token");
  }

  @Test
  void signUpRejectsBadInputAndDuplicates() {
    var weak =
        anonymous()
            .post(
                "/api/v1/customers",
                Map.of(
                    "email",
                    "not-an-email",
                    "password",
                    "short",
                    "givenName",
                    "",
                    "familyName",
                    "X"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().path("errors").findValuesAsString("field"))
        .contains("email", "password", "givenName");

    String email = newEmail("dup");
    signUpVerified(email);
    var duplicate =
        anonymous()
            .post(
                "/api/v1/customers",
                Map.of(
                    "email",
                    email.toUpperCase(),
                    "password",
                    PASSWORD,
                    "givenName",
                    "D",
                    "familyName",
                    "U"));
    assertThat(duplicate.status()).isEqualTo(409);
  }

  @Test
  void discoveryAndTheJwkSetArePublished() {
    var discovery = anonymous().get("/.well-known/openid-configuration");
    assertThat(discovery.status()).isEqualTo(200);
    assertThat(discovery.json().path("issuer").asString()).isEqualTo(ISSUER);
    var jwks = anonymous().get("/oauth2/jwks");
    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.json().path("keys").findValuesAsString("kid")).containsExactly("key-1");
    assertThat(jwks.body()).doesNotContain("\"d\"");
  }

  @Test
  void theShopperApiNeedsAShopperToken() {
    var none = anonymous().get("/api/v1/customers/me");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.contentType()).startsWith("application/problem+json");
  }
}
