package dev.marketplace.customer.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The editable part of a profile: names, phone and preferences. */
public record ProfileRequest(
    @NotBlank @Size(max = 100) String givenName,
    @NotBlank @Size(max = 100) String familyName,
    @Nullable @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number")
        String phone,
    @Nullable
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag like en-GB")
        String preferredLocale,
    @Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String preferredCurrency) {}
