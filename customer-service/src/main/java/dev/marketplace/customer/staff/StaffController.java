package dev.marketplace.customer.staff;

import dev.marketplace.customer.account.Account;
import dev.marketplace.customer.staff.StaffService.StaffRole;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators add staff. */
@RestController
class StaffController {

  private final StaffService staff;

  StaffController(StaffService staff) {
    this.staff = staff;
  }

  @Operation(summary = "Create a staff account (admin)")
  @PostMapping(path = "/api/v1/admin/staff", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StaffView> create(@Valid @RequestBody NewStaff request) {
    Account account = staff.create(request.email(), request.password(), request.roles());
    return ResponseEntity.created(URI.create("/api/v1/admin/staff/" + account.id()))
        .body(new StaffView(account.id(), account.roles()));
  }

  record NewStaff(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(min = 12, max = 128) String password,
      @NotEmpty @Size(max = 10) List<@NotNull StaffRole> roles) {}

  record StaffView(UUID id, List<String> roles) {}
}
