package dev.marketplace.customer.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EmailVerificationRepository extends JpaRepository<EmailVerification, String> {

  default Optional<EmailVerification> findByToken(String token) {
    return findById(EmailVerification.hash(token));
  }

  void deleteByAccountId(UUID accountId);
}
