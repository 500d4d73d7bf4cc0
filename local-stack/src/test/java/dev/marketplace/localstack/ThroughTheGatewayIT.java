package dev.marketplace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.OAuthClient;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketplace as a user meets it: every call through the gateway, every token from
 * customer-service's authorization server, every service checking the token again itself.
 */
class ThroughTheGatewayIT {

  private static LocalStack stack;
  private static Identities identities;
  private static String gateway;

  @BeforeAll
  static void start() {
    stack = SharedStack.get();
    identities = stack.identities();
    gateway = stack.gatewayUrl();
  }

  @Test
  void aShopperSignsUpVerifiesSignsInWithPkceUsesTheShopperApiAndRefreshes() {
    String email = unique("shopper");
    String customerId = identities.signUpShopper(email, "Grace", "Hopper");

    OAuthClient browser = OAuthClient.at(gateway);
    OAuthClient.Tokens tokens =
        browser.authorizationCode(
            Identities.WEB_CLIENT,
            stack.secrets().webClientSecret(),
            Identities.WEB_CALLBACK,
            email,
            Identities.PASSWORD);
    assertThat(tokens.status()).isEqualTo(200);

    var me = api(tokens.accessToken()).get("/api/v1/customers/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().path("id").asString()).isEqualTo(customerId);
    assertThat(me.json().path("familyName").asString()).isEqualTo("Hopper");

    OAuthClient.Tokens refreshed =
        browser.refresh(
            Identities.WEB_CLIENT, stack.secrets().webClientSecret(), tokens.refreshToken());
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(api(refreshed.accessToken()).get("/api/v1/customers/me").status()).isEqualTo(200);
  }

  @Test
  void aVendorsSystemCreatesAProductWithClientCredentialsAndOnlyThatVendorSeesTheDraft() {
    Identities.Vendor a = identities.onboardVendor("Vendor A", unique("vendor-a"));
    Identities.Vendor b = identities.onboardVendor("Vendor B", unique("vendor-b"));
    ApiClient vendorA = api(identities.vendorToken(a));

    Map<String, Object> product = DemoData.product(42);
    product.put("categoryId", null);
    var created = vendorA.post("/api/v1/vendor/products", product);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("vendorId").asString()).isEqualTo(a.id());
    String productId = created.json().path("id").asString();

    assertThat(vendorA.get("/api/v1/vendor/products/" + productId).status()).isEqualTo(200);
    assertThat(api(identities.vendorToken(b)).get("/api/v1/vendor/products/" + productId).status())
        .isEqualTo(404);
    String shopper = identities.signIn(shopperEmail(), Identities.PASSWORD).accessToken();
    assertThat(api(shopper).post("/api/v1/vendor/products", DemoData.product(43)).status())
        .isEqualTo(403);
  }

  @Test
  void aSuspendedVendorsClientGetsNoMoreTokens() {
    Identities.Vendor vendor = identities.onboardVendor("Soon suspended", unique("suspended"));
    assertThat(identities.vendorToken(vendor)).isNotBlank();

    var suspended =
        api(identities.adminToken())
            .post("/api/v1/admin/vendors/" + vendor.id() + "/suspend", null);
    assertThat(suspended.status()).isEqualTo(200);

    OAuthClient.Tokens refused =
        OAuthClient.at(gateway).clientCredentials(vendor.clientId(), vendor.clientSecret());
    assertThat(refused.status()).isEqualTo(401);
  }

  @Test
  void tokensThatAreExpiredForgedFromAnotherIssuerOrForAnotherAudienceAreRefused()
      throws Exception {
    String path = "/api/v1/vendor/products";
    assertThat(
            api(signed(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(60)))))
                .get(path)
                .status())
        .isEqualTo(401);
    assertThat(api(signed(b -> b.issuer("https://evil.example"))).get(path).status())
        .isEqualTo(401);
    assertThat(api(signed(b -> b.audience("another-api"))).get(path).status()).isEqualTo(401);
    var forged = api(forged()).get(path);
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.contentType()).startsWith("application/problem+json");
    // The control: the same token, correctly made, is accepted.
    assertThat(api(signed(b -> {})).get(path).status()).isEqualTo(200);
  }

  @Test
  void theSixthRapidFailedSignInIsThrottled() {
    String email = unique("guessed");
    identities.signUpShopper(email, "Guess", "Ed");
    OAuthClient browser = OAuthClient.at(gateway);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(browser.signIn(email, "wrong " + attempt).rejected()).isTrue();
    }

    assertThat(browser.signIn(email, Identities.PASSWORD).rejected()).isTrue();
  }

  @Test
  void anOversizedBodyIsRefusedAtTheGateway() {
    var response =
        ApiClient.at(gateway)
            .send(
                "POST",
                "/api/v1/customers",
                "{\"email\":\"" + "x".repeat(2_000_000) + "\"}",
                "application/json");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  private static ApiClient api(String token) {
    return ApiClient.at(gateway).withToken(token);
  }

  private static String unique(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.marketplace.dev";
  }

  private static synchronized String shopperEmail() {
    String email = unique("shopper");
    identities.signUpShopper(email, "Sam", "Shopper");
    return email;
  }

  /** A vendor token signed with the stack's real key, with one claim spoiled by {@code spoil}. */
  private static String signed(java.util.function.Consumer<JWTClaimsSet.Builder> spoil)
      throws Exception {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(gateway)
            .subject("test-client")
            .audience("marketplace-api")
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .claim("roles", List.of("VENDOR"))
            .claim("vendor_id", UUID.randomUUID().toString());
    spoil.accept(claims);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("local-1").build(), claims.build());
    jwt.sign(new RSASSASigner(privateKey(stack.secrets().signingKeyPem())));
    return jwt.serialize();
  }

  private static String forged() throws Exception {
    var generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("local-1").build(),
            new JWTClaimsSet.Builder()
                .issuer(gateway)
                .subject("forger")
                .audience("marketplace-api")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("roles", List.of("VENDOR"))
                .build());
    jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
    return jwt.serialize();
  }

  private static PrivateKey privateKey(String pem) throws Exception {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
