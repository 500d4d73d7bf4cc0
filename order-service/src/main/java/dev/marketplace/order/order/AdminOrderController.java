package dev.marketplace.order.order;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support staff read any order, its customer and where it goes. Every read is in the audit trail
 * (platform-starter's StaffRequestAudit records each request under /api/v1/admin).
 */
@RestController
@RequestMapping("/api/v1/admin/orders")
class AdminOrderController {

  private final OrderService orders;

  AdminOrderController(OrderService orders) {
    this.orders = orders;
  }

  @Operation(summary = "Read any order, with its customer and delivery address (audited)")
  @GetMapping("/{id}")
  StaffOrderView get(@PathVariable UUID id) {
    Order order = orders.anyOrder(id);
    return new StaffOrderView(
        order.customerId(), order.status().name(), OrderView.of(order, orders.deliveryAddress(id)));
  }

  /** The order as its shopper sees it, with who that is and the saga's exact step. */
  record StaffOrderView(String customerId, String sagaStatus, OrderView order) {}
}
