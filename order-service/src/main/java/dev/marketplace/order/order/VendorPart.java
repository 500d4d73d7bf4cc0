package dev.marketplace.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One vendor's share of an order: it ships on its own (in one or more parcels) and is captured on
 * its own, once, when it settles (no line awaits shipment any more): what shipped, and its shipping
 * (in the order's currency) if anything shipped.
 *
 * @param trackingNumber the first parcel's, kept for parts shipped before parcels were listed
 * @param shippedAt when the first parcel left
 * @param captured whether its capture was asked for (once, when it settled)
 */
@Embeddable
public record VendorPart(
    @Column(name = "vendor_id") String vendorId,
    @Column(name = "shipping_minor") long shippingMinor,
    @Enumerated(EnumType.STRING) Status status,
    @Column(name = "tracking_number") @Nullable String trackingNumber,
    @Column(name = "shipped_at") @Nullable Instant shippedAt,
    boolean captured) {

  /** Where a part is, from its lines and parcels. */
  public enum Status {
    AWAITING_SHIPMENT,
    PARTLY_SHIPPED,
    SHIPPED,
    DELIVERED,
    CANCELLED
  }

  static VendorPart awaiting(String vendorId, long shippingMinor) {
    return new VendorPart(vendorId, shippingMinor, Status.AWAITING_SHIPMENT, null, null, false);
  }

  VendorPart now(Status next, @Nullable Shipment first) {
    return new VendorPart(
        vendorId,
        shippingMinor,
        next,
        first == null ? trackingNumber : first.trackingNumber(),
        first == null ? shippedAt : first.shippedAt(),
        captured);
  }

  VendorPart captureRequested() {
    return new VendorPart(vendorId, shippingMinor, status, trackingNumber, shippedAt, true);
  }

  VendorPart cancelled() {
    return new VendorPart(
        vendorId, shippingMinor, Status.CANCELLED, trackingNumber, shippedAt, captured);
  }
}
