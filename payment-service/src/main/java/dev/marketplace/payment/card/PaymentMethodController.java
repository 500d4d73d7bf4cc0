package dev.marketplace.payment.card;

import dev.marketplace.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A shopper's own cards: the shopper is whoever the token names, so no one reaches another's. */
@RestController
@RequestMapping("/api/v1/payment-methods")
@Validated
class PaymentMethodController {

  private final PaymentMethodService methods;

  PaymentMethodController(PaymentMethodService methods) {
    this.methods = methods;
  }

  @Operation(summary = "Save a card")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PaymentMethodView> add(
      @AuthenticationPrincipal Jwt token, @RequestBody CardRequest request) {
    PaymentMethod method = methods.add(token.getSubject(), request);
    return ResponseEntity.created(URI.create("/api/v1/payment-methods/" + method.id()))
        .body(PaymentMethodView.of(method));
  }

  @Operation(summary = "List the shopper's saved cards")
  @GetMapping
  PageResponse<PaymentMethodView> list(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    var pageable = PageRequest.of(page, size, Sort.by("createdAt", "id"));
    return PageResponse.from(methods.list(token.getSubject(), pageable), PaymentMethodView::of);
  }

  @Operation(summary = "Read a saved card")
  @GetMapping("/{id}")
  PaymentMethodView get(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return PaymentMethodView.of(methods.get(token.getSubject(), id));
  }
}
