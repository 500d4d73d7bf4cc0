package dev.marketplace.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One vendor's share of an order: it ships on its own and is captured on its own, its items and its
 * shipping (in the order's currency).
 */
@Embeddable
public record VendorPart(
    @Column(name = "vendor_id") String vendorId,
    @Column(name = "shipping_minor") long shippingMinor,
    @Enumerated(EnumType.STRING) Status status,
    @Column(name = "tracking_number") @Nullable String trackingNumber,
    @Column(name = "shipped_at") @Nullable Instant shippedAt) {

  /** A part waits for shipment, is shipped, or was cancelled with its order. */
  public enum Status {
    AWAITING_SHIPMENT,
    SHIPPED,
    CANCELLED
  }

  static VendorPart awaiting(String vendorId, long shippingMinor) {
    return new VendorPart(vendorId, shippingMinor, Status.AWAITING_SHIPMENT, null, null);
  }

  VendorPart shipped(String trackingNumber, Instant at) {
    return new VendorPart(vendorId, shippingMinor, Status.SHIPPED, trackingNumber, at);
  }

  VendorPart cancelled() {
    return new VendorPart(vendorId, shippingMinor, Status.CANCELLED, trackingNumber, shippedAt);
  }
}
