package dev.marketplace.customer.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, UUID> {

  Optional<Account> findByEmailIndex(String emailIndex);

  boolean existsByEmailIndex(String emailIndex);
}
