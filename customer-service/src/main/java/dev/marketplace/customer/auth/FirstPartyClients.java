package dev.marketplace.customer.auth;

import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registers the marketplace's own apps from configuration at every start, so their settings follow
 * the configuration (a changed secret or redirect URI takes effect on deploy).
 *
 * <p>The web shop is a confidential client (its back end keeps the secret) and gets refresh tokens,
 * rotated on every use. The mobile app is a public client with PKCE; Spring Authorization Server
 * issues no refresh tokens to public clients (OAuth 2.0 Security BCP: a public client's refresh
 * token must be sender-constrained), so the app signs in again through the server's session when
 * its access token expires.
 */
class FirstPartyClients implements ApplicationRunner {

  private final RegisteredClientRepository clients;
  private final PasswordEncoder passwords;
  private final AuthProperties properties;

  FirstPartyClients(
      RegisteredClientRepository clients, PasswordEncoder passwords, AuthProperties properties) {
    this.clients = clients;
    this.passwords = passwords;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    AuthProperties.WebClient web = properties.webClient();
    if (web != null) {
      clients.save(
          base(web.clientId())
              .clientName("Marketplace web shop")
              .clientSecret(passwords.encode(web.clientSecret()))
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
              .redirectUris(uris -> uris.addAll(web.redirectUris()))
              .build());
    }
    AuthProperties.MobileClient mobile = properties.mobileClient();
    if (mobile != null) {
      clients.save(
          base(mobile.clientId())
              .clientName("Marketplace mobile app")
              .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
              .redirectUris(uris -> uris.addAll(mobile.redirectUris()))
              .build());
    }
  }

  private RegisteredClient.Builder base(String clientId) {
    RegisteredClient existing = clients.findByClientId(clientId);
    String id = existing != null ? existing.getId() : UUID.randomUUID().toString();
    return RegisteredClient.withId(id)
        .clientId(clientId)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(false)
                .build())
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .refreshTokenTimeToLive(properties.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .build());
  }
}
