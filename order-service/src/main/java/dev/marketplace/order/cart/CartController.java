package dev.marketplace.order.cart;

import dev.marketplace.order.catalog.ItemKey;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's own cart: the shopper is whoever the token names. */
@RestController
@RequestMapping("/api/v1/cart")
class CartController {

  private final CartService carts;

  /** The catalog's form of a SKU: anything else cannot be in a cart. */
  private static final String SKU = "[A-Za-z0-9._-]{1,64}";

  private static final String SKU_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

  /** Vendor ids are UUIDs; tests' and demo ids are words: no colon either way. */
  private static final String VENDOR_ID = "[A-Za-z0-9._-]{1,64}";

  private static final String VENDOR_ID_MESSAGE = "is not a vendor id";

  CartController(CartService carts) {
    this.carts = carts;
  }

  /** With {@code shipTo} (a country), each vendor part's shipping there and the total with it. */
  @Operation(summary = "Read the cart, priced now, with shipping to a country")
  @GetMapping
  CartView get(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(required = false)
          @Nullable
          @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          String shipTo) {
    return carts.view(token.getSubject(), shipTo);
  }

  @Operation(summary = "Put an item in the cart, or change its quantity")
  @PutMapping(path = "/items/{vendorId}/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
  CartView put(
      @AuthenticationPrincipal Jwt token,
      @PathVariable @Pattern(regexp = VENDOR_ID, message = VENDOR_ID_MESSAGE) String vendorId,
      @PathVariable @Pattern(regexp = SKU, message = SKU_MESSAGE) String sku,
      @Valid @RequestBody QuantityRequest request) {
    return carts.setQuantity(token.getSubject(), new ItemKey(vendorId, sku), request.quantity());
  }

  @Operation(summary = "Remove an item from the cart")
  @DeleteMapping("/items/{vendorId}/{sku}")
  CartView remove(
      @AuthenticationPrincipal Jwt token,
      @PathVariable @Pattern(regexp = VENDOR_ID, message = VENDOR_ID_MESSAGE) String vendorId,
      @PathVariable @Pattern(regexp = SKU, message = SKU_MESSAGE) String sku) {
    return carts.remove(token.getSubject(), new ItemKey(vendorId, sku));
  }

  @Operation(summary = "Empty the cart")
  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void clear(@AuthenticationPrincipal Jwt token) {
    carts.clear(token.getSubject());
  }

  record QuantityRequest(@NotNull Integer quantity) {}
}
