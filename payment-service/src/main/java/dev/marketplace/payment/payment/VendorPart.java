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
 * One vendor's captured part of a payment and what of it was refunded. Captured once per vendor
 * (its shipment), refunded at most once (its return).
 */
@Entity
@Table(name = "vendor_part")
public class VendorPart {

  @Id private UUID id;

  @Column(name = "vendor_id")
  private String vendorId;

  private String currency;

  @Column(name = "captured_minor")
  private long capturedMinor;

  @Column(name = "provider_capture_id")
  private String providerCaptureId;

  @Column(name = "captured_at")
  private Instant capturedAt;

  @Column(name = "refunded_minor")
  private long refundedMinor;

  @Column(name = "provider_refund_id")
  private @Nullable String providerRefundId;

  @Column(name = "refunded_at")
  private @Nullable Instant refundedAt;

  protected VendorPart() {}

  VendorPart(String vendorId, Money captured, String providerCaptureId, Instant now) {
    this.id = UUID.randomUUID();
    this.vendorId = vendorId;
    this.currency = captured.currencyCode();
    this.capturedMinor = captured.minor();
    this.providerCaptureId = providerCaptureId;
    this.capturedAt = now;
  }

  /** Adds a refund: what was refunded of the part grows, the latest refund's reference is kept. */
  void refund(Money amount, String providerRefundId, Instant now) {
    this.refundedMinor = Math.addExact(refundedMinor, amount.minor());
    this.providerRefundId = providerRefundId;
    this.refundedAt = now;
  }

  /** What is left to refund of the part. */
  public Money refundable() {
    return captured().minus(refundedAmount());
  }

  public String vendorId() {
    return vendorId;
  }

  public Money captured() {
    return new Money(capturedMinor, Currency.getInstance(currency));
  }

  public Money refundedAmount() {
    return new Money(refundedMinor, Currency.getInstance(currency));
  }

  public String providerCaptureId() {
    return providerCaptureId;
  }

  public Instant capturedAt() {
    return capturedAt;
  }

  public @Nullable Instant refundedAt() {
    return refundedAt;
  }
}
