package dev.marketplace.customer.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A shopper's sign-up. Passwords are long rather than complex (NIST SP 800-63B). */
public record SignUpRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(min = 12, max = 128) String password,
    @NotBlank @Size(max = 100) String givenName,
    @NotBlank @Size(max = 100) String familyName) {}
