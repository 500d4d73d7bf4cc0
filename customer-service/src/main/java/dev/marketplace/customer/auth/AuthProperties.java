package dev.marketplace.customer.auth;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The authorization server's configuration; keys and client secrets come from secrets.
 *
 * @param issuer the public URL tokens name as issuer (the gateway's address in production)
 * @param audience what every access token is for; every service requires it
 * @param signingKeys RSA private keys (PKCS#8 PEM) by id; the first signs, all are published in the
 *     JWK Set, so a retired key keeps validating the tokens it signed until they expire
 * @param webClient the web shop's back end (a confidential client: it keeps a secret)
 * @param mobileClient the mobile app (a public client: PKCE, no secret)
 */
@ConfigurationProperties("marketplace.auth")
public record AuthProperties(
    String issuer,
    @DefaultValue("marketplace-api") String audience,
    List<SigningKey> signingKeys,
    @DefaultValue("10m") Duration accessTokenTtl,
    @DefaultValue("8h") Duration refreshTokenTtl,
    @Nullable WebClient webClient,
    @Nullable MobileClient mobileClient,
    @DefaultValue Login login) {

  public record SigningKey(String id, String privateKey) {}

  public record WebClient(String clientId, String clientSecret, List<String> redirectUris) {}

  public record MobileClient(String clientId, List<String> redirectUris) {}

  /**
   * Sign-in throttling: after {@code maxFailuresPerAccount} failures within {@code window} the
   * account is locked for {@code lockout}; a client address gets a larger allowance, since many
   * shoppers can share one.
   */
  public record Login(
      @DefaultValue("5") int maxFailuresPerAccount,
      @DefaultValue("50") int maxFailuresPerAddress,
      @DefaultValue("15m") Duration window,
      @DefaultValue("15m") Duration lockout) {}
}
