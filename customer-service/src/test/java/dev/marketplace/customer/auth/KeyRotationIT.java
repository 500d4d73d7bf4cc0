package dev.marketplace.customer.auth;

import static dev.marketplace.customer.CustomerIntegrationTest.ADMIN_EMAIL;
import static dev.marketplace.customer.CustomerIntegrationTest.ADMIN_PASSWORD;
import static dev.marketplace.customer.CustomerIntegrationTest.ISSUER;
import static dev.marketplace.customer.CustomerIntegrationTest.WEB_CALLBACK;
import static dev.marketplace.customer.CustomerIntegrationTest.WEB_CLIENT;
import static dev.marketplace.customer.CustomerIntegrationTest.WEB_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.marketplace.customer.CustomerApplication;
import dev.marketplace.customer.TestKeys;
import dev.marketplace.testkit.ApiClient;
import dev.marketplace.testkit.KafkaTestServer;
import dev.marketplace.testkit.OAuthClient;
import dev.marketplace.testkit.PostgresTestServer;
import dev.marketplace.testkit.TestNamespace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keys come from configuration: a restart with the same key accepts the old tokens; a new key signs
 * from then on while the old one, still listed, keeps the old tokens valid; once the old key is
 * removed, its tokens stop working.
 */
class KeyRotationIT {

  private static final TestNamespace NAMESPACE = TestNamespace.forClass(KeyRotationIT.class);
  private static final String DATABASE = PostgresTestServer.createDatabase(NAMESPACE);

  @Test
  void anOldKeyKeepsItsTokensValidUntilItIsRemoved() throws Exception {
    String oldToken;
    try (var service = start(List.of("key-1"))) {
      oldToken = adminToken(service);
      assertThat(kid(oldToken)).isEqualTo("key-1");
    }

    try (var service = start(List.of("key-2", "key-1"))) {
      assertThat(api(service, oldToken).get("/api/v1/admin/vendors").status()).isEqualTo(200);
      String newToken = adminToken(service);
      assertThat(kid(newToken)).isEqualTo("key-2");
      assertThat(
              api(service, null).get("/oauth2/jwks").json().path("keys").findValuesAsString("kid"))
          .containsExactly("key-2", "key-1");
    }

    try (var service = start(List.of("key-2"))) {
      assertThat(api(service, oldToken).get("/api/v1/admin/vendors").status()).isEqualTo(401);
      assertThat(api(service, adminToken(service)).get("/api/v1/admin/vendors").status())
          .isEqualTo(200);
    }
  }

  private static ConfigurableApplicationContext start(List<String> keyIds) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + DATABASE);
    args.add("--spring.datasource.username=" + PostgresTestServer.user());
    args.add("--spring.datasource.password=" + PostgresTestServer.password());
    args.add("--spring.kafka.bootstrap-servers=" + KafkaTestServer.bootstrapServers());
    args.add("--marketplace.kafka.topic-prefix=" + NAMESPACE.name());
    args.add("--marketplace.auth.issuer=" + ISSUER);
    for (int i = 0; i < keyIds.size(); i++) {
      String id = keyIds.get(i);
      args.add("--marketplace.auth.signing-keys[" + i + "].id=" + id);
      args.add(
          "--marketplace.auth.signing-keys["
              + i
              + "].private-key="
              + (id.equals("key-1") ? TestKeys.SIGNING_KEY_1 : TestKeys.SIGNING_KEY_2));
    }
    args.add("--marketplace.auth.web-client.client-id=" + WEB_CLIENT);
    args.add("--marketplace.auth.web-client.client-secret=" + WEB_SECRET);
    args.add("--marketplace.auth.web-client.redirect-uris=" + WEB_CALLBACK);
    args.add("--marketplace.privacy.encryption-keys.k1=" + TestKeys.ENCRYPTION_KEY);
    args.add("--marketplace.privacy.blind-index-key=" + TestKeys.BLIND_INDEX_KEY);
    args.add("--marketplace.bootstrap-admin.email=" + ADMIN_EMAIL);
    args.add("--marketplace.bootstrap-admin.password=" + ADMIN_PASSWORD);
    return new SpringApplicationBuilder(CustomerApplication.class).run(args.toArray(String[]::new));
  }

  private static String baseUrl(ConfigurableApplicationContext service) {
    return "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
  }

  private static String adminToken(ConfigurableApplicationContext service) {
    OAuthClient.Tokens tokens =
        OAuthClient.at(baseUrl(service))
            .authorizationCode(WEB_CLIENT, WEB_SECRET, WEB_CALLBACK, ADMIN_EMAIL, ADMIN_PASSWORD);
    assertThat(tokens.status()).isEqualTo(200);
    return tokens.accessToken();
  }

  private static ApiClient api(ConfigurableApplicationContext service, String token) {
    return ApiClient.at(baseUrl(service)).withToken(token);
  }

  private static String kid(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }
}
