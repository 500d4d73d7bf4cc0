package dev.marketplace.customer.account;

import dev.marketplace.platform.address.PostalAddress;
import dev.marketplace.platform.address.ValidPostalAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A postal address as the shopper enters it; {@code country} is an ISO 3166-1 alpha-2 code, and the
 * postal code and region follow its rules.
 */
@ValidPostalAddress
public record AddressRequest(
    @Nullable @Size(max = 50) String label,
    @NotBlank @Size(max = 200) String recipient,
    @NotBlank @Size(max = 200) String line1,
    @Nullable @Size(max = 200) String line2,
    @NotBlank @Size(max = 100) String city,
    @Nullable @Size(max = 20) String postalCode,
    @Nullable @Size(max = 100) String region,
    @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
        String country,
    @Nullable @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number")
        String phone)
    implements PostalAddress {}
