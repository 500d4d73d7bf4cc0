package dev.marketplace.order.order;

import dev.marketplace.order.delivery.SavedAddresses;
import dev.marketplace.order.delivery.ShippingAddress;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.PageResponse;
import dev.marketplace.platform.web.PreconditionRequiredException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Checkout, order history and cancellation for the shopper the token names. */
@RestController
@Validated
@RequestMapping("/api/v1/orders")
class OrderController {

  private final OrderService orders;
  private final CheckoutAdmission admission;
  private final SavedAddresses savedAddresses;

  OrderController(OrderService orders, CheckoutAdmission admission, SavedAddresses savedAddresses) {
    this.orders = orders;
    this.admission = admission;
    this.savedAddresses = savedAddresses;
  }

  /**
   * 201 for a new order (PENDING); 200 with the same order when the key was used before; 503 with
   * Retry-After when too many checkouts run already ({@link CheckoutAdmission}).
   */
  @Operation(summary = "Check out the cart (Idempotency-Key)")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<OrderView> checkout(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
      @Valid @RequestBody CheckoutRequest request) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
      throw new PreconditionRequiredException(
          "Send an Idempotency-Key header (1-200 characters) so a retried checkout cannot order twice.");
    }
    if ((request.addressId() == null) == (request.address() == null)) {
      throw new InvalidFieldException(
          "address", "name one of your saved addresses (addressId) or give one (address)");
    }
    Supplier<ShippingAddress> destination =
        request.address() != null
            ? request::address
            : () -> savedAddresses.read(token.getTokenValue(), request.addressId());
    OrderService.Checkout checkout =
        admission.admit(
            () -> orders.checkout(token.getSubject(), idempotencyKey, request, destination));
    OrderView view = OrderView.of(checkout.order(), orders.deliveryAddress(checkout.order().id()));
    return checkout.created()
        ? ResponseEntity.created(URI.create("/api/v1/orders/" + view.id())).body(view)
        : ResponseEntity.ok(view);
  }

  @Operation(summary = "List the shopper's orders")
  @GetMapping
  PageResponse<OrderView> history(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    var pageable =
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("placedAt"), Sort.Order.asc("id")));
    return PageResponse.from(orders.ownOrders(token.getSubject(), pageable), OrderView::of);
  }

  @Operation(summary = "Read an order and its timeline")
  @GetMapping("/{id}")
  OrderView get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return OrderView.of(orders.ownOrder(token.getSubject(), id), orders.deliveryAddress(id));
  }

  @Operation(summary = "Cancel an order before it ships")
  @PostMapping("/{id}/cancel")
  OrderView cancel(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return OrderView.of(orders.cancel(token.getSubject(), id));
  }
}
