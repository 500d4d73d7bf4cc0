package dev.marketplace.customer.auth;

import dev.marketplace.customer.access.AccessRevocations;
import dev.marketplace.customer.account.Account;
import dev.marketplace.customer.account.AccountRepository;
import dev.marketplace.customer.account.AccountStatus;
import dev.marketplace.customer.vendor.VendorApiClient;
import dev.marketplace.customer.vendor.VendorApiClientRepository;
import dev.marketplace.customer.vendor.VendorService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an access token says: the audience every service requires, the caller's roles and, for
 * vendors, {@code vendor_id}. Roles are read from the account at every issue and refresh, so a
 * suspended vendor or an erased shopper stops getting tokens that say otherwise. A token issued in
 * the same second as a revocation of its subject or vendor is dated the next second: token times
 * have whole seconds, and resource servers take a token of the revocation's second for an old one.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final AccountRepository accounts;
  private final VendorApiClientRepository vendorClients;
  private final VendorService vendors;
  private final AccessRevocations revocations;
  private final String audience;

  TokenClaims(
      AccountRepository accounts,
      VendorApiClientRepository vendorClients,
      VendorService vendors,
      AccessRevocations revocations,
      String audience) {
    this.revocations = revocations;
    this.accounts = accounts;
    this.vendorClients = vendorClients;
    this.vendors = vendors;
    this.audience = audience;
  }

  @Override
  @Transactional(readOnly = true)
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    // Mutable lists: the claims are stored with the authorization and read back on refresh, and
    // the server's JSON allowlist admits ArrayList but not List.of's internal classes.
    context.getClaims().audience(new ArrayList<>(List.of(audience)));
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      Optional<VendorApiClient> client =
          vendorClients.findById(context.getRegisteredClient().getClientId());
      client.ifPresent(
          c ->
              context
                  .getClaims()
                  .claim("roles", new ArrayList<>(List.of("VENDOR")))
                  .claim("vendor_id", c.vendorId().toString()));
      dateAfterRevocations(
          context,
          context.getRegisteredClient().getClientId(),
          client.map(c -> c.vendorId().toString()).orElse(null));
      return;
    }
    Account account =
        accountOf(context.getPrincipal().getName())
            .filter(a -> a.status() == AccountStatus.ACTIVE)
            .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
    List<String> roles = new ArrayList<>(account.roles());
    UUID vendorId = account.vendorId();
    if (vendorId != null && vendors.isApproved(vendorId)) {
      context.getClaims().claim("vendor_id", vendorId.toString());
    } else {
      roles.remove("VENDOR");
    }
    context.getClaims().claim("roles", roles);
    dateAfterRevocations(
        context, account.id().toString(), vendorId == null ? null : vendorId.toString());
  }

  private void dateAfterRevocations(
      JwtEncodingContext context, String subject, @Nullable String vendorId) {
    revocations
        .firstValidIssueTime(subject, vendorId)
        .ifPresent(
            first ->
                context
                    .getClaims()
                    .claims(
                        claims -> {
                          if (claims.get(JwtClaimNames.IAT) instanceof Instant issuedAt
                              && issuedAt.isBefore(first)) {
                            claims.put(JwtClaimNames.IAT, first);
                          }
                        }));
  }

  private Optional<Account> accountOf(String principalName) {
    try {
      return accounts.findById(UUID.fromString(principalName));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
