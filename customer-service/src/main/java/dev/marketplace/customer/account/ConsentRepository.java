package dev.marketplace.customer.account;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentRepository extends JpaRepository<ConsentRecord, UUID> {

  List<ConsentRecord> findByAccountIdOrderByRecordedAt(UUID accountId);

  void deleteByAccountId(UUID accountId);
}
