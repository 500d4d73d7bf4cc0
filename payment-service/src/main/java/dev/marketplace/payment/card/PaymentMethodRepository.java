package dev.marketplace.payment.card;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentMethodRepository extends JpaRepository<PaymentMethod, UUID> {

  Page<PaymentMethod> findByCustomerId(String customerId, Pageable page);

  Optional<PaymentMethod> findByIdAndCustomerId(UUID id, String customerId);
}
