package dev.marketplace.order.delivery;

import dev.marketplace.platform.address.PostalAddress;
import dev.marketplace.platform.address.ValidPostalAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A postal address to ship to, as the shopper gives it at checkout or as customer-service keeps it;
 * {@code country} is an ISO 3166-1 alpha-2 code, and the postal code and region follow its rules.
 */
@ValidPostalAddress
public record ShippingAddress(
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
    implements PostalAddress {

  /** Never the address itself: a record logged by accident shows nothing personal. */
  @Override
  public String toString() {
    return "ShippingAddress[country=" + country + ", ***]";
  }

  /** What distinguishes this address from another, for a checkout's idempotency fingerprint. */
  public String fingerprint() {
    return String.join(
        "\n",
        recipient,
        line1,
        String.valueOf(line2),
        city,
        String.valueOf(postalCode),
        String.valueOf(region),
        country,
        String.valueOf(phone));
  }
}
