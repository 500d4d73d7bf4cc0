package dev.marketplace.customer.erasure;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The erasure report, for the erased shopper (by the key the erasure answered with: the account and
 * its tokens are gone) and for staff (by customer id).
 */
@RestController
class ErasureReportController {

  private final ErasureReports reports;

  ErasureReportController(ErasureReports reports) {
    this.reports = reports;
  }

  @Operation(summary = "Read an erasure report with the key the erasure answered with")
  @GetMapping("/api/v1/customers/erasure-reports/{reportKey}")
  ErasureReport byKey(@PathVariable String reportKey) {
    return reports.byKey(reportKey);
  }

  @Operation(summary = "Read a customer's erasure report (staff)")
  @GetMapping("/api/v1/admin/erasures/{customerId}")
  ErasureReport byCustomer(@PathVariable UUID customerId) {
    return reports.byCustomer(customerId);
  }
}
