package dev.marketplace.customer.account;

import dev.marketplace.platform.address.SealedPostalAddress;
import dev.marketplace.platform.privacy.Sealed;
import dev.marketplace.platform.privacy.SealedConverter;
import dev.marketplace.platform.privacy.SealedFields;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
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

  @Embedded private SealedPostalAddress postal;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Address() {}

  public Address(UUID accountId, AddressRequest request, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.label = Sealed.ofNullable(request.label());
    this.postal =
        new SealedPostalAddress(
            request.recipient(),
            request.line1(),
            request.line2(),
            request.city(),
            request.postalCode(),
            request.region(),
            request.country(),
            request.phone());
    this.createdAt = now;
  }

  public AddressView view() {
    return new AddressView(
        id,
        Sealed.valueOf(label),
        postal.recipient(),
        postal.line1(),
        postal.line2(),
        postal.city(),
        postal.postalCode(),
        postal.region(),
        postal.country(),
        postal.phone(),
        createdAt);
  }

  public UUID id() {
    return id;
  }
}
