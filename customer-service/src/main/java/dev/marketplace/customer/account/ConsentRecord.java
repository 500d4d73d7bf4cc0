package dev.marketplace.customer.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One grant or withdrawal of consent, kept as evidence of when and for what it was given. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

  @Id private UUID id;

  @Column(name = "account_id")
  private UUID accountId;

  @Enumerated(EnumType.STRING)
  private ConsentPurpose purpose;

  private boolean granted;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected ConsentRecord() {}

  public ConsentRecord(UUID accountId, ConsentPurpose purpose, boolean granted, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = accountId;
    this.purpose = purpose;
    this.granted = granted;
    this.recordedAt = now;
  }

  public ConsentView view() {
    return new ConsentView(purpose, granted, recordedAt);
  }

  public record ConsentView(ConsentPurpose purpose, boolean granted, Instant recordedAt) {}
}
