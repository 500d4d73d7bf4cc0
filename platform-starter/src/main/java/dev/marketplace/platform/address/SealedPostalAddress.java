package dev.marketplace.platform.address;

import dev.marketplace.platform.privacy.Sealed;
import dev.marketplace.platform.privacy.SealedConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * Where someone receives parcels, stored sealed: an entity embeds it ({@code @Embedded}, with
 * {@code SealedFields} as its listener) and gets the columns recipient, line1, line2, city,
 * postal_code, region, country and phone, each part bound to its row and column.
 */
@Embeddable
public class SealedPostalAddress {

  @Column(name = "recipient")
  @Convert(converter = SealedConverter.class)
  private Sealed recipient;

  @Column(name = "line1")
  @Convert(converter = SealedConverter.class)
  private Sealed line1;

  @Column(name = "line2")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed line2;

  @Column(name = "city")
  @Convert(converter = SealedConverter.class)
  private Sealed city;

  @Column(name = "postal_code")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed postalCode;

  @Column(name = "region")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed region;

  @Column(name = "country")
  @Convert(converter = SealedConverter.class)
  private Sealed country;

  @Column(name = "phone")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed phone;

  protected SealedPostalAddress() {}

  public SealedPostalAddress(
      String recipient,
      String line1,
      @Nullable String line2,
      String city,
      @Nullable String postalCode,
      @Nullable String region,
      String country,
      @Nullable String phone) {
    this.recipient = Sealed.of(recipient);
    this.line1 = Sealed.of(line1);
    this.line2 = Sealed.ofNullable(line2);
    this.city = Sealed.of(city);
    this.postalCode = Sealed.ofNullable(postalCode);
    this.region = Sealed.ofNullable(region);
    this.country = Sealed.of(country);
    this.phone = Sealed.ofNullable(phone);
  }

  public String recipient() {
    return recipient.value();
  }

  public String line1() {
    return line1.value();
  }

  public @Nullable String line2() {
    return Sealed.valueOf(line2);
  }

  public String city() {
    return city.value();
  }

  public @Nullable String postalCode() {
    return Sealed.valueOf(postalCode);
  }

  public @Nullable String region() {
    return Sealed.valueOf(region);
  }

  public String country() {
    return country.value();
  }

  public @Nullable String phone() {
    return Sealed.valueOf(phone);
  }
}
