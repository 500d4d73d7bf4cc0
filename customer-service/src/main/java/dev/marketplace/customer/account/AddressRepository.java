package dev.marketplace.customer.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AddressRepository extends JpaRepository<Address, UUID> {

  List<Address> findByAccountIdOrderByCreatedAt(UUID accountId);

  Optional<Address> findByIdAndAccountId(UUID id, UUID accountId);

  long countByAccountId(UUID accountId);

  void deleteByAccountId(UUID accountId);
}
