package dev.marketplace.order.returns;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReturnRepository extends JpaRepository<OrderReturn, UUID> {

  List<OrderReturn> findByOrderIdOrderByRequestedAt(UUID orderId);

  Page<OrderReturn> findByVendorId(String vendorId, Pageable page);

  Page<OrderReturn> findByVendorIdAndStatus(String vendorId, ReturnStatus status, Pageable page);
}
