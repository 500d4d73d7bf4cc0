package dev.marketplace.order.returns;

import dev.marketplace.platform.security.CallerVendor;
import dev.marketplace.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A vendor handles the returns of its own parts and sets its return window. */
@RestController
@Validated
class VendorReturnController {

  private final Returns returns;
  private final ReturnWindows windows;
  private final Clock clock;

  VendorReturnController(Returns returns, ReturnWindows windows, Clock clock) {
    this.returns = returns;
    this.windows = windows;
    this.clock = clock;
  }

  @Operation(summary = "List the vendor's returns, newest first (status: e.g. REQUESTED)")
  @GetMapping("/api/v1/vendor/returns")
  PageResponse<ReturnView> list(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(required = false) @Nullable ReturnStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    var pageable =
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.asc("id")));
    return PageResponse.from(
        returns.ofVendor(CallerVendor.of(token), status, pageable), ReturnView::of);
  }

  @Operation(summary = "Approve a return: the shopper sends the parcel")
  @PostMapping("/api/v1/vendor/returns/{id}/approve")
  ReturnView approve(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return ReturnView.of(returns.approve(CallerVendor.of(token), id));
  }

  @Operation(summary = "Reject a return, with a reason")
  @PostMapping(
      path = "/api/v1/vendor/returns/{id}/reject",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ReturnView reject(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @Valid @RequestBody Decision decision) {
    return ReturnView.of(returns.reject(CallerVendor.of(token), id, decision.reason()));
  }

  /**
   * The parcel arrived: {@code restock} puts the units back on hand at {@code locationId} (one of
   * the vendor's locations); otherwise they are written off. Either way the refund is made.
   */
  @Operation(summary = "Record a returned parcel received: restock or write off, and refund")
  @PostMapping(
      path = "/api/v1/vendor/returns/{id}/receive",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ReturnView receive(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @Valid @RequestBody Receipt receipt) {
    if (receipt.restock() && receipt.locationId() == null) {
      throw new ReturnRuleException("locationId", "name where the units go back on hand");
    }
    if (!receipt.restock() && receipt.locationId() != null) {
      throw new ReturnRuleException("locationId", "is for restocking: leave it out to write off");
    }
    return ReturnView.of(
        returns.receive(
            CallerVendor.of(token), id, receipt.restock() ? receipt.locationId() : null));
  }

  @Operation(summary = "Read the vendor's return window")
  @GetMapping("/api/v1/vendor/return-policy")
  ReturnPolicy policy(@AuthenticationPrincipal Jwt token) {
    return new ReturnPolicy((int) windows.of(CallerVendor.of(token)).toDays());
  }

  @Operation(summary = "Set how many days after delivery the vendor takes returns")
  @PutMapping(path = "/api/v1/vendor/return-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
  ReturnPolicy setPolicy(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody ReturnPolicy policy) {
    String vendorId = CallerVendor.of(token);
    windows.set(vendorId, policy.windowDays(), clock.instant());
    return new ReturnPolicy((int) windows.of(vendorId).toDays());
  }

  record Decision(@NotBlank @Size(max = 500) String reason) {}

  record Receipt(@NotNull Boolean restock, @Nullable UUID locationId) {}

  /** Days after delivery within which the vendor takes returns (0: none). */
  record ReturnPolicy(@NotNull @Min(0) @Max(365) Integer windowDays) {}
}
