package dev.marketplace.order.delivery;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DeliveryAddresses extends JpaRepository<DeliveryAddress, UUID> {

  /** Deletes the order's address if its shopper was erased while the order was open. */
  @Modifying
  @Query("DELETE FROM DeliveryAddress d WHERE d.orderId = :orderId AND d.eraseWhenClosed = true")
  int deleteIfErasureWaits(UUID orderId);
}
