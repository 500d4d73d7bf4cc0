package dev.marketplace.revocation;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token issued before its subject ({@code sub}) or vendor ({@code vendor_id}) was
 * revoked, and a token that does not say when it was issued. Spring Boot adds every {@code
 * OAuth2TokenValidator<Jwt>} bean to the resource server's decoder, servlet or reactive.
 */
public class NotRevoked implements OAuth2TokenValidator<Jwt> {

  private static final OAuth2TokenValidatorResult REVOKED =
      OAuth2TokenValidatorResult.failure(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked.", null));
  private static final OAuth2TokenValidatorResult UNDATED =
      OAuth2TokenValidatorResult.failure(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has no iat claim.", null));

  private final RevocationList revocations;

  public NotRevoked(RevocationList revocations) {
    this.revocations = revocations;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    if (token.getIssuedAt() == null) {
      return UNDATED;
    }
    return revocations.revoked(
            token.getSubject(), token.getClaimAsString("vendor_id"), token.getIssuedAt())
        ? REVOKED
        : OAuth2TokenValidatorResult.success();
  }
}
