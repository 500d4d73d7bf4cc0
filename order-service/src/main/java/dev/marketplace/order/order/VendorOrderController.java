package dev.marketplace.order.order;

import dev.marketplace.order.delivery.ShippingAddress;
import dev.marketplace.platform.security.CallerVendor;
import dev.marketplace.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * Ships some of the vendor's lines awaiting shipment ({@code skus}; none: all of them) in one
   * parcel: their stock is committed; once the part is settled, what shipped is captured.
   */
  @Operation(summary = "Ship some or all of the vendor's lines in one parcel")
  @PostMapping(path = "/{id}/ship", consumes = MediaType.APPLICATION_JSON_VALUE)
  VendorOrderView ship(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @Valid @RequestBody ShipRequest request) {
    String vendorId = CallerVendor.of(token);
    Order order =
        orders.ship(
            vendorId,
            id,
            request.skus() == null ? Set.of() : Set.copyOf(request.skus()),
            request.carrier() == null ? ShipRequest.UNNAMED_CARRIER : request.carrier(),
            request.trackingNumber());
    return VendorOrderView.of(order, vendorId, orders.deliveryAddress(id));
  }

  /** Cancels lines the vendor cannot fulfil: their stock is released and they are not charged. */
  @Operation(summary = "Cancel lines the vendor cannot fulfil")
  @PostMapping(path = "/{id}/cancel-lines", consumes = MediaType.APPLICATION_JSON_VALUE)
  VendorOrderView cancelLines(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @Valid @RequestBody CancelLinesRequest request) {
    String vendorId = CallerVendor.of(token);
    Order order = orders.cancelLines(vendorId, id, Set.copyOf(request.skus()), request.reason());
    return VendorOrderView.of(order, vendorId, orders.deliveryAddress(id));
  }

  /** Where a parcel is, for carriers that send no webhooks of their own. */
  @Operation(summary = "Report where one of the vendor's parcels is")
  @PostMapping(
      path = "/{id}/shipments/{shipmentId}/tracking",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  VendorOrderView track(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @PathVariable UUID shipmentId,
      @Valid @RequestBody TrackingRequest request) {
    String vendorId = CallerVendor.of(token);
    Order order = orders.track(vendorId, id, shipmentId, request.status(), request.detail());
    return VendorOrderView.of(order, vendorId, orders.deliveryAddress(id));
  }

  /**
   * A parcel: its tracking number, its carrier (the name the carrier's webhook uses), and the SKUs
   * of the lines in it (none: every line still awaiting shipment).
   */
  record ShipRequest(
      @NotBlank @Size(max = 100) String trackingNumber,
      @Nullable
          @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a carrier name (a-z, 0-9, -)")
          String carrier,
      @Nullable @Size(max = 50) List<@NotBlank @Size(max = 64) String> skus) {

    /** The carrier of a parcel shipped without naming one. */
    static final String UNNAMED_CARRIER = "other";
  }

  record CancelLinesRequest(
      @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> skus,
      @NotBlank @Size(max = 500) String reason) {}

  record TrackingRequest(
      @NotNull Shipment.Status status, @Nullable @Size(max = 500) String detail) {}

  /**
   * One vendor's part of an order: its lines, its parcels, its shipping and where it goes; never
   * the other vendors' lines, parcels or amounts, nor the order's total.
   */
  record VendorOrderView(
      UUID orderId,
      String orderStatus,
      Instant placedAt,
      OrderView.PartView part,
      List<OrderLine> lines,
      List<Shipment> shipments,
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
          order.shipments().stream().filter(s -> s.vendorId().equals(vendorId)).toList(),
          deliveryAddress);
    }
  }
}
