package dev.marketplace.customer.vendor;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An organisation applying to sell, with its first user's sign-in. */
public record VendorApplication(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Email @Size(max = 254) String contactEmail,
    @NotBlank @Size(min = 12, max = 128) String password) {}
