package dev.marketplace.customer.account;

import dev.marketplace.platform.privacy.Sealed;
import dev.marketplace.platform.privacy.SealedConverter;
import dev.marketplace.platform.privacy.SealedFields;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A shopper's postal address; every field is sealed (it identifies where a person lives). */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "address")
public class Address {

  @Id private UUID id;

  @Column(name = "account_id")
  private UUID accountId;

  @Column(name = "label")
  @Convert(converter = SealedConverter.class)
  private @Nullable Sealed label;

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

  @Column(name = "created_at")
  private Instant createdAt;

  protected Address() {}

  public Address(UUID accountId, AddressRequest request, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.label = Sealed.ofNullable(request.label());
    this.recipient = Sealed.of(request.recipient());
    this.line1 = Sealed.of(request.line1());
    this.line2 = Sealed.ofNullable(request.line2());
    this.city = Sealed.of(request.city());
    this.postalCode = Sealed.ofNullable(request.postalCode());
    this.region = Sealed.ofNullable(request.region());
    this.country = Sealed.of(request.country());
    this.phone = Sealed.ofNullable(request.phone());
    this.createdAt = now;
  }

  public AddressView view() {
    return new AddressView(
        id,
        Sealed.valueOf(label),
        recipient.value(),
        line1.value(),
        Sealed.valueOf(line2),
        city.value(),
        Sealed.valueOf(postalCode),
        Sealed.valueOf(region),
        country.value(),
        Sealed.valueOf(phone),
        createdAt);
  }

  public UUID id() {
    return id;
  }
}
