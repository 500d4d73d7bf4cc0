package dev.marketplace.inventory.sales;

import dev.marketplace.platform.security.CallerVendor;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Point-of-sale ingest: a store's till (or the vendor's POS back office) sends its sales in
 * batches. Sending a batch again, whole or in part, records nothing twice: each sale id counts once
 * per store, and the answer says which sales were new.
 */
@RestController
class SalesController {

  private final StoreSales sales;

  SalesController(StoreSales sales) {
    this.sales = sales;
  }

  @Operation(summary = "Record a store's point-of-sale sale")
  @PostMapping(
      path = "/api/v1/vendor/locations/{id}/sales",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  SalesResponse record(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @Valid @RequestBody SalesRequest request) {
    List<StoreSale> batch =
        request.sales().stream()
            .map(s -> new StoreSale(s.saleId(), s.sku(), s.quantity(), s.soldAt()))
            .toList();
    return SalesResponse.of(sales.record(CallerVendor.of(token), id, batch));
  }

  /** A batch of till sales. */
  record SalesRequest(@NotEmpty @Size(max = 500) List<@NotNull @Valid Sale> sales) {}

  /** One sale line: returns are not sales (adjust the stock instead), so quantity is positive. */
  record Sale(
      @NotNull
          @Pattern(
              regexp = "[A-Za-z0-9._:/-]{1,100}",
              message = "must be 1-100 letters, digits, '.', '_', ':', '/' or '-'")
          String saleId,
      @NotNull
          @Pattern(
              regexp = "[A-Za-z0-9._-]{1,64}",
              message = "must be 1-64 letters, digits, '.', '_' or '-'")
          String sku,
      @NotNull @Min(1) @Max(10_000) Integer quantity,
      @NotNull Instant soldAt) {}

  /** Which sales this request recorded and which were already recorded. */
  record SalesResponse(int recorded, int alreadyRecorded, List<SaleOutcome> sales) {

    static SalesResponse of(List<SaleOutcome> outcomes) {
      int recorded =
          (int) outcomes.stream().filter(o -> o.status() == SaleOutcome.Status.RECORDED).count();
      return new SalesResponse(recorded, outcomes.size() - recorded, outcomes);
    }
  }
}
