package dev.marketplace.customer.auth;

import dev.marketplace.customer.vendor.VendorApiClient;
import dev.marketplace.customer.vendor.VendorApiClientRepository;
import dev.marketplace.customer.vendor.VendorService;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients, except that a vendor's client whose vendor is not approved (pending or
 * suspended) or which was revoked is not found when it authenticates: the token endpoint answers
 * {@code invalid_client}, and no token is issued.
 */
class VendorClientGate implements RegisteredClientRepository {

  private final RegisteredClientRepository clients;
  private final VendorApiClientRepository vendorClients;
  private final VendorService vendors;

  VendorClientGate(
      RegisteredClientRepository clients,
      VendorApiClientRepository vendorClients,
      VendorService vendors) {
    this.clients = clients;
    this.vendorClients = vendorClients;
    this.vendors = vendors;
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    clients.save(registeredClient);
  }

  @Override
  public @Nullable RegisteredClient findById(String id) {
    return clients.findById(id);
  }

  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    Optional<VendorApiClient> vendorClient = vendorClients.findById(clientId);
    if (vendorClient.isPresent()
        && !(vendorClient.get().active() && vendors.isApproved(vendorClient.get().vendorId()))) {
      return null;
    }
    return clients.findByClientId(clientId);
  }
}
