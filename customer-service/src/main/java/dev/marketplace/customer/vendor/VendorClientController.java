package dev.marketplace.customer.vendor;

import dev.marketplace.customer.vendor.VendorClientService.IssuedCredentials;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A vendor manages its own API clients; the vendor is the one the token names. */
@RestController
@RequestMapping("/api/v1/vendor/clients")
class VendorClientController {

  private final VendorClientService clients;

  VendorClientController(VendorClientService clients) {
    this.clients = clients;
  }

  @Operation(summary = "Create an API client (client credentials)")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IssuedCredentials> create(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody NewClient request) {
    IssuedCredentials issued = clients.create(vendor(token), request.name());
    return ResponseEntity.created(URI.create("/api/v1/vendor/clients/" + issued.clientId()))
        .body(issued);
  }

  @Operation(summary = "List the vendor's API clients")
  @GetMapping
  List<VendorApiClient.VendorClientView> list(@AuthenticationPrincipal Jwt token) {
    return clients.list(vendor(token));
  }

  @Operation(summary = "Rotate an API client's secret")
  @PostMapping("/{clientId}/secret")
  IssuedCredentials rotate(@AuthenticationPrincipal Jwt token, @PathVariable String clientId) {
    return clients.rotate(vendor(token), clientId);
  }

  @Operation(summary = "Delete an API client")
  @DeleteMapping("/{clientId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@AuthenticationPrincipal Jwt token, @PathVariable String clientId) {
    clients.revoke(vendor(token), clientId);
  }

  private static UUID vendor(Jwt token) {
    String vendorId = token.getClaimAsString("vendor_id");
    try {
      return UUID.fromString(vendorId);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new AccessDeniedException("The token names no vendor.");
    }
  }

  record NewClient(@NotBlank @Size(max = 100) String name) {}
}
