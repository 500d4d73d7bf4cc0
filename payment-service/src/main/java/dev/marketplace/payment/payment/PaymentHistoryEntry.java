package dev.marketplace.payment.payment;

import dev.marketplace.payment.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One step of a payment's life, appended by the aggregate and never changed. */
@Entity
@Table(name = "payment_history")
public class PaymentHistoryEntry {

  @Id private UUID id;

  /** Order within the payment: several steps can share a timestamp. */
  private int sequence;

  private Instant at;

  @Enumerated(EnumType.STRING)
  private HistoryKind kind;

  @Column(name = "vendor_id")
  private @Nullable String vendorId;

  @Column(name = "amount_minor")
  private @Nullable Long amountMinor;

  private @Nullable String currency;

  private @Nullable String detail;

  protected PaymentHistoryEntry() {}

  PaymentHistoryEntry(
      int sequence,
      Instant at,
      HistoryKind kind,
      @Nullable String vendorId,
      @Nullable Money amount,
      @Nullable String detail) {
    this.id = UUID.randomUUID();
    this.sequence = sequence;
    this.at = at;
    this.kind = kind;
    this.vendorId = vendorId;
    this.amountMinor = amount == null ? null : amount.minor();
    this.currency = amount == null ? null : amount.currencyCode();
    this.detail = detail;
  }

  public int sequence() {
    return sequence;
  }

  public Instant at() {
    return at;
  }

  public HistoryKind kind() {
    return kind;
  }

  public @Nullable String vendorId() {
    return vendorId;
  }

  public @Nullable Money amount() {
    return amountMinor == null || currency == null ? null : Money.of(amountMinor, currency);
  }

  public @Nullable String detail() {
    return detail;
  }
}
