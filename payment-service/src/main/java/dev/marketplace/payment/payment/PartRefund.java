package dev.marketplace.payment.payment;

import dev.marketplace.payment.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One refund of a vendor's captured part, under the key its caller named (a return's id), so one
 * part can be refunded in several returns and each of them once.
 */
@Entity
@Table(name = "payment_refund")
public class PartRefund {

  /** The key of a refund whose command named none: the one refund of the whole part. */
  static final String WHOLE_PART = "part";

  @Id private UUID id;

  @Column(name = "vendor_id")
  private String vendorId;

  @Column(name = "refund_key")
  private String refundKey;

  @Column(name = "amount_minor")
  private long amountMinor;

  private String currency;

  @Column(name = "provider_refund_id")
  private String providerRefundId;

  @Column(name = "refunded_at")
  private Instant refundedAt;

  protected PartRefund() {}

  PartRefund(
      String vendorId, String refundKey, Money amount, String providerRefundId, Instant now) {
    this.id = UUID.randomUUID();
    this.vendorId = vendorId;
    this.refundKey = refundKey;
    this.amountMinor = amount.minor();
    this.currency = amount.currencyCode();
    this.providerRefundId = providerRefundId;
    this.refundedAt = now;
  }

  public String vendorId() {
    return vendorId;
  }

  public String refundKey() {
    return refundKey;
  }

  /** The caller's refund id; none for the refund of the whole part. */
  public @Nullable String refundId() {
    return WHOLE_PART.equals(refundKey) ? null : refundKey;
  }

  public Money amount() {
    return new Money(amountMinor, Currency.getInstance(currency));
  }

  public Instant refundedAt() {
    return refundedAt;
  }
}
