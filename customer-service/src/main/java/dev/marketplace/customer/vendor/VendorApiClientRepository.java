package dev.marketplace.customer.vendor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VendorApiClientRepository extends JpaRepository<VendorApiClient, String> {

  List<VendorApiClient> findByVendorIdOrderByCreatedAt(UUID vendorId);

  Optional<VendorApiClient> findByClientIdAndVendorId(String clientId, UUID vendorId);
}
