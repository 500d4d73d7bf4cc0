package dev.marketplace.customer.vendor;

import dev.marketplace.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applying to sell (public) and onboarding decisions (staff). */
@RestController
@Validated
class VendorController {

  private final VendorService vendors;

  VendorController(VendorService vendors) {
    this.vendors = vendors;
  }

  @Operation(summary = "Apply to sell as a vendor")
  @PostMapping(path = "/api/v1/vendors", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<VendorView> apply(@Valid @RequestBody VendorApplication application) {
    Vendor vendor = vendors.apply(application);
    return ResponseEntity.created(URI.create("/api/v1/admin/vendors/" + vendor.id()))
        .body(VendorView.of(vendor));
  }

  @Operation(summary = "List vendors, by status (staff)")
  @GetMapping("/api/v1/admin/vendors")
  PageResponse<VendorView> list(
      @RequestParam(required = false) @Nullable VendorStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    var pageable = PageRequest.of(page, size, Sort.by("createdAt", "id"));
    return PageResponse.from(vendors.list(status, pageable), VendorView::of);
  }

  @Operation(summary = "Read a vendor (staff)")
  @GetMapping("/api/v1/admin/vendors/{id}")
  VendorView get(@PathVariable UUID id) {
    return VendorView.of(vendors.get(id));
  }

  @Operation(summary = "Approve a vendor's application (staff)")
  @PostMapping("/api/v1/admin/vendors/{id}/approve")
  VendorView approve(@PathVariable UUID id) {
    return VendorView.of(vendors.approve(id));
  }

  @Operation(summary = "Suspend a vendor (staff)")
  @PostMapping("/api/v1/admin/vendors/{id}/suspend")
  VendorView suspend(@PathVariable UUID id) {
    return VendorView.of(vendors.suspend(id));
  }

  @Operation(summary = "Reinstate a suspended vendor (staff)")
  @PostMapping("/api/v1/admin/vendors/{id}/reinstate")
  VendorView reinstate(@PathVariable UUID id) {
    return VendorView.of(vendors.reinstate(id));
  }
}
