package dev.marketplace.order.returns;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A shopper returns delivered lines of its own order and follows its returns. */
@RestController
@Validated
@RequestMapping("/api/v1/orders/{orderId}/returns")
class ShopperReturnController {

  private final Returns returns;

  ShopperReturnController(Returns returns) {
    this.returns = returns;
  }

  /**
   * Opens a return of some of one vendor's delivered lines (their SKUs and how many of each),
   * within the vendor's return window, with a reason.
   */
  @Operation(summary = "Return delivered lines of one vendor")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ReturnView> open(
      @AuthenticationPrincipal Jwt token,
      @PathVariable UUID orderId,
      @Valid @RequestBody ReturnRequest request) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (int i = 0; i < request.lines().size(); i++) {
      Line line = request.lines().get(i);
      if (lines.put(line.sku(), line.quantity()) != null) {
        throw new ReturnRuleException("lines[" + i + "].sku", "names " + line.sku() + " twice");
      }
    }
    OrderReturn opened =
        returns.open(token.getSubject(), orderId, request.vendorId(), lines, request.reason());
    return ResponseEntity.created(
            URI.create("/api/v1/orders/" + orderId + "/returns/" + opened.id()))
        .body(ReturnView.of(opened));
  }

  @Operation(summary = "List the order's returns and their refunds")
  @GetMapping
  List<ReturnView> list(@AuthenticationPrincipal Jwt token, @PathVariable UUID orderId) {
    return returns.ofOrder(token.getSubject(), orderId).stream().map(ReturnView::of).toList();
  }

  record ReturnRequest(
      @NotBlank @Size(max = 64) String vendorId,
      @NotEmpty @Size(max = 50) List<@NotNull @Valid Line> lines,
      @NotBlank @Size(max = 500) String reason) {}

  record Line(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(1000) Integer quantity) {}
}
