package dev.marketplace.order.order;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface OrderRepository extends JpaRepository<Order, UUID> {

  /** Replies for one order come from two topics at once: they take turns on the row. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("SELECT o FROM Order o WHERE o.id = :id")
  Optional<Order> findForUpdate(UUID id);

  Page<Order> findByCustomerId(String customerId, Pageable page);

  /** Orders still in their saga; the literal statuses let PostgreSQL use the partial index. */
  @Query(
      value =
          "SELECT count(*) FROM customer_order"
              + " WHERE status IN ('RESERVING_STOCK', 'AUTHORIZING_PAYMENT', 'CANCELLING')",
      nativeQuery = true)
  long countInSaga();

  @Query("SELECT DISTINCT o FROM Order o JOIN o.parts p WHERE p.vendorId = :vendorId")
  Page<Order> findByVendor(String vendorId, Pageable page);
}
