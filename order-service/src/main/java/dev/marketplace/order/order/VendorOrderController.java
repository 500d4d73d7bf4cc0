package dev.marketplace.order.order;

import dev.marketplace.order.delivery.ShippingAddress;
import dev.marketplace.platform.security.CallerVendor;
import dev.marketplace.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A vendor sees and ships only its own part of each order. */
@RestController
@Validated
@RequestMapping("/api/v1/vendor/orders")
class VendorOrderController {

  private final OrderService orders;

  VendorOrderController(OrderService orders) {
    this.orders = orders;
  }

  @Operation(summary = "List the vendor's orders")
  @GetMapping
  PageResponse<VendorOrderView> list(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    String vendorId = CallerVendor.of(token);
    var pageable =
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("placedAt"), Sort.Order.asc("id")));
    var orderPage = orders.vendorOrders(vendorId, pageable);
    Map<UUID, ShippingAddress> addresses =
        orders.deliveryAddresses(orderPage.map(Order::id).getContent());
    return PageResponse.from(
        orderPage, o -> VendorOrderView.of(o, vendorId, addresses.get(o.id())));
  }

  @Operation(summary = "Ship the vendor's part of an order")
  @PostMapping(path = "/{id}/ship", consumes = MediaType.APPLICATION_JSON_VALUE)
  VendorOrderView ship(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @Valid @RequestBody ShipRequest request) {
    String vendorId = CallerVendor.of(token);
    Order order = orders.ship(vendorId, id, request.trackingNumber());
    return VendorOrderView.of(order, vendorId, orders.deliveryAddress(id));
  }

  record ShipRequest(@NotBlank @Size(max = 100) String trackingNumber) {}

  /**
   * One vendor's part of an order: its lines, its shipping and where it goes; never the other
   * vendors' lines or amounts, nor the order's total.
   */
  record VendorOrderView(
      UUID orderId,
      String orderStatus,
      Instant placedAt,
      OrderView.PartView part,
      List<OrderLine> lines,
      @Nullable ShippingAddress deliveryAddress) {

    static VendorOrderView of(
        Order order, String vendorId, @Nullable ShippingAddress deliveryAddress) {
      VendorPart part =
          order.parts().stream()
              .filter(p -> p.vendorId().equals(vendorId))
              .findFirst()
              .orElseThrow();
      return new VendorOrderView(
          order.id(),
          order.status().name(),
          order.placedAt(),
          OrderView.PartView.of(order, part),
          order.linesByVendor().getOrDefault(vendorId, List.of()),
          deliveryAddress);
    }
  }
}
