package dev.marketplace.catalog.product;

import dev.marketplace.platform.security.CallerVendor;
import dev.marketplace.platform.web.PageResponse;
import dev.marketplace.platform.web.PreconditionRequiredException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor API: a vendor (role VENDOR, {@code vendor_id} claim) manages its own products.
 * Replacing a product needs If-Match with the version last read; status changes accept it
 * optionally.
 */
@RestController
@RequestMapping("/api/v1/vendor/products")
class VendorProductController {

  private final ProductService service;

  VendorProductController(ProductService service) {
    this.service = service;
  }

  @Operation(summary = "Create a product as a draft")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProductView> create(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody ProductRequest request) {
    Product product = service.create(CallerVendor.of(token), request.toDetails());
    return ResponseEntity.created(URI.create("/api/v1/vendor/products/" + product.id()))
        .eTag(EntityTags.of(product.revision()))
        .body(ProductView.of(product));
  }

  @Operation(summary = "List the vendor's own products")
  @GetMapping
  PageResponse<ProductView> list(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(required = false) @Nullable ProductStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    var pageable =
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
    return PageResponse.from(
        service.ownProducts(CallerVendor.of(token), status, pageable), ProductView::of);
  }

  @Operation(summary = "Read one of the vendor's products")
  @GetMapping("/{id}")
  ResponseEntity<ProductView> get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
    return withTag(service.ownProduct(CallerVendor.of(token), id));
  }

  @Operation(summary = "Replace a product's details (If-Match)")
  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProductView> replace(
      @AuthenticationPrincipal Jwt token,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ProductRequest request) {
    Long expected = EntityTags.parse(ifMatch);
    if (expected == null) {
      throw new PreconditionRequiredException(
          "Send If-Match with the product's current version (its ETag) to replace it.");
    }
    return withTag(service.update(CallerVendor.of(token), id, expected, request.toDetails()));
  }

  @Operation(summary = "Publish a product (If-Match)")
  @PostMapping("/{id}/publish")
  ResponseEntity<ProductView> publish(
      @AuthenticationPrincipal Jwt token,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return withTag(service.publish(CallerVendor.of(token), id, EntityTags.parse(ifMatch)));
  }

  @Operation(summary = "Archive a product (If-Match)")
  @PostMapping("/{id}/archive")
  ResponseEntity<ProductView> archive(
      @AuthenticationPrincipal Jwt token,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return withTag(service.archive(CallerVendor.of(token), id, EntityTags.parse(ifMatch)));
  }

  private static ResponseEntity<ProductView> withTag(Product product) {
    return ResponseEntity.ok()
        .eTag(EntityTags.of(product.revision()))
        .body(ProductView.of(product));
  }
}
