package dev.marketplace.customer.vendor;

import dev.marketplace.customer.access.AccessRevocations;
import dev.marketplace.events.customer.AccessRevokedV1.Reason;
import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, rotates and revokes vendors' API clients. A secret is shown once, when it is made; only
 * its hash is stored.
 */
@Service
public class VendorClientService {

  private static final int MAX_CLIENTS = 10;

  private final VendorApiClientRepository clients;
  private final RegisteredClientRepository registeredClients;
  private final VendorService vendors;
  private final PasswordEncoder passwords;
  private final AccessRevocations revocations;
  private final Clock clock;
  private final Duration accessTokenTtl;
  private final SecureRandom random = new SecureRandom();

  VendorClientService(
      VendorApiClientRepository clients,
      RegisteredClientRepository registeredClients,
      VendorService vendors,
      PasswordEncoder passwords,
      AccessRevocations revocations,
      Clock clock,
      @Value("${marketplace.auth.access-token-ttl:10m}") Duration accessTokenTtl) {
    this.clients = clients;
    this.registeredClients = registeredClients;
    this.vendors = vendors;
    this.passwords = passwords;
    this.revocations = revocations;
    this.clock = clock;
    this.accessTokenTtl = accessTokenTtl;
  }

  /** A new client's id and its secret, which is never shown again. */
  public record IssuedCredentials(
      String clientId, String clientSecret, VendorApiClient.VendorClientView client) {}

  @Transactional
  public IssuedCredentials create(UUID vendorId, String name) {
    if (!vendors.isApproved(vendorId)) {
      throw new ConflictException("Only an approved vendor can create API clients.");
    }
    if (clients.findByVendorIdOrderByCreatedAt(vendorId).stream()
            .filter(VendorApiClient::active)
            .count()
        >= MAX_CLIENTS) {
      throw new ConflictException("A vendor can have at most " + MAX_CLIENTS + " active clients.");
    }
    String clientId = "vc_" + randomString(16);
    String secret = randomString(32);
    registeredClients.save(
        RegisteredClient.withId(clientId)
            .clientId(clientId)
            .clientName(name)
            .clientIdIssuedAt(clock.instant())
            .clientSecret(passwords.encode(secret))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl).build())
            .build());
    VendorApiClient client =
        clients.save(new VendorApiClient(clientId, vendorId, name, clock.instant()));
    return new IssuedCredentials(clientId, secret, client.view());
  }

  @Transactional(readOnly = true)
  public List<VendorApiClient.VendorClientView> list(UUID vendorId) {
    return clients.findByVendorIdOrderByCreatedAt(vendorId).stream()
        .map(VendorApiClient::view)
        .toList();
  }

  /** Replaces the secret: the old one, and every token issued with it, stop working at once. */
  @Transactional
  public IssuedCredentials rotate(UUID vendorId, String clientId) {
    VendorApiClient client = own(vendorId, clientId);
    if (!client.active()) {
      throw new ConflictException("Client " + clientId + " is revoked.");
    }
    RegisteredClient registered = registeredClients.findByClientId(clientId);
    if (registered == null) {
      throw new NotFoundException("No client " + clientId + ".");
    }
    String secret = randomString(32);
    registeredClients.save(
        RegisteredClient.from(registered).clientSecret(passwords.encode(secret)).build());
    client.rotated(clock.instant());
    revocations.revokeSubject(clientId, Reason.CLIENT_ROTATED);
    return new IssuedCredentials(clientId, secret, client.view());
  }

  /** Revokes the client: no new tokens, and the ones it holds stop working at once. */
  @Transactional
  public void revoke(UUID vendorId, String clientId) {
    VendorApiClient client = own(vendorId, clientId);
    if (client.active()) {
      client.revoke();
      revocations.revokeSubject(clientId, Reason.CLIENT_REVOKED);
    }
  }

  /** Whether tokens may be issued to this client now: it is active and its vendor approved. */
  @Transactional(readOnly = true)
  public boolean mayAuthenticate(String clientId) {
    return clients
        .findById(clientId)
        .map(c -> c.active() && vendors.isApproved(c.vendorId()))
        .orElse(true); // not a vendor client (a first-party client): not this rule's business
  }

  @Transactional(readOnly = true)
  public java.util.Optional<VendorApiClient> find(String clientId) {
    return clients.findById(clientId);
  }

  private VendorApiClient own(UUID vendorId, String clientId) {
    return clients
        .findByClientIdAndVendorId(clientId, vendorId)
        .orElseThrow(() -> new NotFoundException("No client " + clientId + "."));
  }

  private String randomString(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
