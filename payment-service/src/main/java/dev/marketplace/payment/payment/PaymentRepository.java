package dev.marketplace.payment.payment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentRepository extends JpaRepository<Payment, UUID> {

  @EntityGraph(attributePaths = {"parts", "refunds"})
  Optional<Payment> findByOrderId(String orderId);
}
