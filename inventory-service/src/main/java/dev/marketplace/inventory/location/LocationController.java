package dev.marketplace.inventory.location;

import dev.marketplace.platform.security.CallerVendor;
import dev.marketplace.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The vendor API for a vendor's own warehouses and stores. */
@RestController
@RequestMapping("/api/v1/vendor/locations")
class LocationController {

  private final Locations locations;

  LocationController(Locations locations) {
    this.locations = locations;
  }

  @Operation(summary = "Create a warehouse or store")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LocationView> create(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody LocationRequest request) {
    Location location = locations.open(CallerVendor.of(token), request.name(), request.kind());
    return ResponseEntity.created(URI.create("/api/v1/vendor/locations/" + location.id()))
        .body(LocationView.of(location));
  }

  @Operation(summary = "List the vendor's locations")
  @GetMapping
  PageResponse<LocationView> list(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    PageResponse<Location> found = locations.ofVendor(CallerVendor.of(token), page, size);
    return new PageResponse<>(
        found.items().stream().map(LocationView::of).toList(),
        found.page(),
        found.size(),
        found.totalItems(),
        found.totalPages());
  }

  @Operation(summary = "Read a location")
  @GetMapping("/{id}")
  LocationView get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return LocationView.of(locations.own(CallerVendor.of(token), id));
  }
}
