package dev.marketplace.inventory.stock;

import dev.marketplace.inventory.web.EntityTags;
import dev.marketplace.platform.security.CallerVendor;
import dev.marketplace.platform.web.InvalidFieldException;
import dev.marketplace.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
 * The vendor stock API. Setting a level is absolute, so it needs If-Match with the version last
 * read (428 without, 412 when stale); an adjustment is relative and needs an Idempotency-Key
 * instead, so a retried delivery is not counted twice.
 */
@RestController
@RequestMapping("/api/v1/vendor")
class StockController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final VendorStock stock;

  StockController(VendorStock stock) {
    this.stock = stock;
  }

  @Operation(summary = "List the stock at a location")
  @GetMapping("/locations/{id}/stock")
  PageResponse<StockLevelView> atLocation(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return stock.atLocation(CallerVendor.of(token), id, page, size);
  }

  @Operation(summary = "Read a SKU's stock at a location")
  @GetMapping("/locations/{id}/stock/{sku}")
  ResponseEntity<StockLevelView> level(
      @AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable String sku) {
    return tagged(stock.level(CallerVendor.of(token), id, checked(sku)));
  }

  @Operation(summary = "Set a SKU's counted stock (If-Match)")
  @PutMapping(path = "/locations/{id}/stock/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StockLevelView> set(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @PathVariable String sku,
      @Parameter(
              required = true,
              description = "The level's current ETag; 428 without it, 412 when it is stale")
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          @Nullable String ifMatch,
      @Valid @RequestBody StockRequests.SetLevel request) {
    long expected = EntityTags.required(ifMatch, "stock level");
    return tagged(stock.set(CallerVendor.of(token), id, checked(sku), request.onHand(), expected));
  }

  @Operation(summary = "Adjust a SKU's stock by a delta")
  @PostMapping(
      path = "/locations/{id}/stock/{sku}/adjustments",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StockLevelView> adjust(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID id,
      @PathVariable String sku,
      @Parameter(
              required = true,
              description =
                  "Unique per adjustment and repeated on its retries (at most 200 characters);"
                      + " 400 without it")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          @Nullable String idempotencyKey,
      @Valid @RequestBody StockRequests.Adjustment request) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new InvalidFieldException(
          IDEMPOTENCY_KEY, "is required: a unique value per adjustment, repeated on retries");
    }
    if (idempotencyKey.length() > 200) {
      throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be at most 200 characters");
    }
    if (request.delta() == 0) {
      throw new InvalidFieldException("delta", "must not be 0");
    }
    VendorStock.Answer<StockLevelView> answer =
        stock.adjust(CallerVendor.of(token), id, checked(sku), request.delta(), idempotencyKey);
    return ResponseEntity.ok()
        .eTag(EntityTags.of(answer.value().version()))
        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
        .body(answer.value());
  }

  @Operation(summary = "Read a SKU's stock over all locations")
  @GetMapping("/skus/{sku}")
  SkuStockView sku(@AuthenticationPrincipal Jwt token, @PathVariable String sku) {
    return stock.sku(CallerVendor.of(token), checked(sku));
  }

  @Operation(summary = "Set a SKU's low-stock threshold")
  @PutMapping(path = "/skus/{sku}/low-stock-threshold", consumes = MediaType.APPLICATION_JSON_VALUE)
  SkuStockView changeThreshold(
      @AuthenticationPrincipal Jwt token,
      @PathVariable String sku,
      @Valid @RequestBody StockRequests.Threshold request) {
    return stock.changeLowStockThreshold(
        CallerVendor.of(token), checked(sku), request.lowStockThreshold());
  }

  /**
   * Checked here rather than with a constraint on the parameter: a parameter constraint turns the
   * body's field errors into method-parameter errors, which the platform reports under the
   * parameter's name ("request") instead of the field's.
   */
  private static String checked(String sku) {
    if (!SKU.matcher(sku).matches()) {
      throw new InvalidFieldException("sku", "must be 1-64 letters, digits, '.', '_' or '-'");
    }
    return sku;
  }

  private static ResponseEntity<StockLevelView> tagged(StockLevelView level) {
    return ResponseEntity.ok().eTag(EntityTags.of(level.version())).body(level);
  }
}
