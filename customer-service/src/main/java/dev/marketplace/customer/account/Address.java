package dev.marketplace.customer.account;

import dev.marketplace.customer.privacy.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A shopper's postal address; every field is encrypted (it identifies where a person lives). */
@Entity
@Table(name = "address")
public class Address {

  @Id private UUID id;

  @Column(name = "account_id")
  private UUID accountId;

  @Convert(converter = Encrypted.class)
  private @Nullable String label;

  @Convert(converter = Encrypted.class)
  private String recipient;

  @Convert(converter = Encrypted.class)
  private String line1;

  @Convert(converter = Encrypted.class)
  private @Nullable String line2;

  @Convert(converter = Encrypted.class)
  private String city;

  @Column(name = "postal_code")
  @Convert(converter = Encrypted.class)
  private String postalCode;

  @Convert(converter = Encrypted.class)
  private @Nullable String region;

  @Convert(converter = Encrypted.class)
  private String country;

  @Convert(converter = Encrypted.class)
  private @Nullable String phone;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Address() {}

  public Address(UUID accountId, AddressRequest request, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.label = request.label();
    this.recipient = request.recipient();
    this.line1 = request.line1();
    this.line2 = request.line2();
    this.city = request.city();
    this.postalCode = request.postalCode();
    this.region = request.region();
    this.country = request.country();
    this.phone = request.phone();
    this.createdAt = now;
  }

  public AddressView view() {
    return new AddressView(
        id, label, recipient, line1, line2, city, postalCode, region, country, phone, createdAt);
  }

  public UUID id() {
    return id;
  }
}
