package dev.marketplace.customer.vendor;

import dev.marketplace.platform.privacy.Sealed;
import dev.marketplace.platform.privacy.SealedConverter;
import dev.marketplace.platform.privacy.SealedFields;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A selling organisation. Only an approved vendor's users and API clients act as VENDOR. */
@Entity
@EntityListeners(SealedFields.class)
@Table(name = "vendor")
public class Vendor {

  @Id private UUID id;

  private String name;

  /** A named person's address, usually: personal data, so encrypted. */
  @Column(name = "contact_email")
  @Convert(converter = SealedConverter.class)
  private Sealed contactEmail;

  @Enumerated(EnumType.STRING)
  private VendorStatus status;

  @Version private long version;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Vendor() {}

  public Vendor(String name, String contactEmail, Instant now) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.contactEmail = Sealed.of(contactEmail);
    this.status = VendorStatus.PENDING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void approve(Instant now) {
    if (status != VendorStatus.PENDING) {
      throw new IllegalVendorTransitionException(this, VendorStatus.APPROVED);
    }
    status = VendorStatus.APPROVED;
    updatedAt = now;
  }

  public void suspend(Instant now) {
    if (status != VendorStatus.APPROVED) {
      throw new IllegalVendorTransitionException(this, VendorStatus.SUSPENDED);
    }
    status = VendorStatus.SUSPENDED;
    updatedAt = now;
  }

  public void reinstate(Instant now) {
    if (status != VendorStatus.SUSPENDED) {
      throw new IllegalVendorTransitionException(this, VendorStatus.APPROVED);
    }
    status = VendorStatus.APPROVED;
    updatedAt = now;
  }

  public boolean approved() {
    return status == VendorStatus.APPROVED;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String contactEmail() {
    return contactEmail.value();
  }

  public VendorStatus status() {
    return status;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
