package dev.marketplace.customer.audit;

import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import dev.marketplace.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read the audit trail and check that it was not tampered with. */
@RestController
@Validated
class AuditController {

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @Operation(summary = "Find audit entries, newest first (admin)")
  @GetMapping("/api/v1/admin/audit")
  PageResponse<AuditEntry> find(
      @RequestParam(required = false) @Size(max = 200) @Nullable String actor,
      @RequestParam(required = false) @Size(max = 100) @Nullable String service,
      @RequestParam(required = false) @Size(max = 200) @Nullable String action,
      @RequestParam(required = false) @Size(max = 500) @Nullable String resource,
      @RequestParam(required = false) @Nullable Outcome outcome,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    AuditTrail.Found found =
        trail.find(
            new AuditTrail.Query(actor, service, action, resource, outcome, from, to), page, size);
    return PageResponse.of(found.entries(), page, size, found.total());
  }

  @Operation(summary = "Check the audit trail's hash chain (admin)")
  @GetMapping("/api/v1/admin/audit/verification")
  AuditTrail.Verification verify() {
    return trail.verify();
  }
}
