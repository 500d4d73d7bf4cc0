package dev.marketplace.customer.account;

import dev.marketplace.customer.account.ConsentRecord.ConsentView;
import dev.marketplace.customer.erasure.ErasureReport;
import dev.marketplace.customer.erasure.ErasureReports;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up and email verification (public), and a shopper's own data under {@code /me}: the shopper
 * is whoever the token names, so no shopper can address another's data.
 */
@RestController
@RequestMapping("/api/v1/customers")
class ShopperController {

  private final AccountService accounts;
  private final ErasureReports erasureReports;

  ShopperController(AccountService accounts, ErasureReports erasureReports) {
    this.accounts = accounts;
    this.erasureReports = erasureReports;
  }

  @Operation(summary = "Sign up as a shopper")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProfileView> signUp(@Valid @RequestBody SignUpRequest request) {
    Account account = accounts.signUp(request);
    return ResponseEntity.created(URI.create("/api/v1/customers/me")).body(ProfileView.of(account));
  }

  @Operation(summary = "Verify an email address with its token")
  @PostMapping(path = "/verify-email", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void verifyEmail(@Valid @RequestBody VerifyEmailRequest request) {
    accounts.verifyEmail(request.token());
  }

  @Operation(summary = "Read the shopper's profile")
  @GetMapping("/me")
  ProfileView me(@AuthenticationPrincipal Jwt token) {
    return ProfileView.of(accounts.profile(shopper(token)));
  }

  @Operation(summary = "Update the shopper's profile")
  @PutMapping(path = "/me", consumes = MediaType.APPLICATION_JSON_VALUE)
  ProfileView updateMe(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileRequest request) {
    return ProfileView.of(accounts.updateProfile(shopper(token), request));
  }

  @Operation(summary = "List the shopper's addresses")
  @GetMapping("/me/addresses")
  List<AddressView> addresses(@AuthenticationPrincipal Jwt token) {
    return accounts.addresses(shopper(token));
  }

  /** Also what order-service reads, with the shopper's token, for a checkout naming this id. */
  @Operation(summary = "Read one of the shopper's addresses")
  @GetMapping("/me/addresses/{id}")
  AddressView address(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    return accounts.address(shopper(token), id);
  }

  @Operation(summary = "Add an address")
  @PostMapping(path = "/me/addresses", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<AddressView> addAddress(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody AddressRequest request) {
    AddressView address = accounts.addAddress(shopper(token), request);
    return ResponseEntity.created(URI.create("/api/v1/customers/me/addresses/" + address.id()))
        .body(address);
  }

  @Operation(summary = "Remove an address")
  @DeleteMapping("/me/addresses/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeAddress(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
    accounts.removeAddress(shopper(token), id);
  }

  @Operation(summary = "List the shopper's consents")
  @GetMapping("/me/consents")
  List<ConsentView> consents(@AuthenticationPrincipal Jwt token) {
    return accounts.consentHistory(shopper(token));
  }

  @Operation(summary = "Grant or withdraw a consent")
  @PostMapping(path = "/me/consents", consumes = MediaType.APPLICATION_JSON_VALUE)
  List<ConsentView> recordConsent(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody ConsentRequest request) {
    return accounts.recordConsent(shopper(token), request.purpose(), request.granted());
  }

  @Operation(summary = "Export the shopper's personal data")
  @GetMapping("/me/export")
  PersonalDataExport export(@AuthenticationPrincipal Jwt token) {
    return accounts.export(shopper(token));
  }

  @Operation(
      summary =
          "Erase the shopper's account and personal data; answers where to follow the erasure"
              + " report")
  @DeleteMapping("/me")
  ResponseEntity<ErasureAccepted> erase(@AuthenticationPrincipal Jwt token) {
    UUID customerId = shopper(token);
    String reportUrl = "/api/v1/customers/erasure-reports/" + accounts.erase(customerId);
    return ResponseEntity.accepted()
        .location(URI.create(reportUrl))
        .body(new ErasureAccepted(reportUrl, erasureReports.byCustomer(customerId)));
  }

  /**
   * @param reportUrl where the report can be read without signing in (the account is gone); the
   *     only copy of its key
   */
  record ErasureAccepted(String reportUrl, ErasureReport report) {}

  /** Shopper tokens carry the account id as subject; anything else names no shopper. */
  private static UUID shopper(Jwt token) {
    try {
      return UUID.fromString(token.getSubject());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new AccessDeniedException("The token does not belong to a shopper account.");
    }
  }

  record VerifyEmailRequest(@NotBlank String token) {}

  record ConsentRequest(@NotNull ConsentPurpose purpose, @NotNull Boolean granted) {}
}
