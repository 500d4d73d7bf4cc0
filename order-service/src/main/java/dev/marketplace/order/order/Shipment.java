package dev.marketplace.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One parcel a vendor sent: some whole lines of its part, with a carrier and a tracking number, and
 * where it is now as the carrier (or the vendor) reports it.
 */
@Embeddable
public record Shipment(
    @Column(name = "shipment_id") UUID id,
    @Column(name = "vendor_id") String vendorId,
    String carrier,
    @Column(name = "tracking_number") String trackingNumber,
    @Enumerated(EnumType.STRING) Status status,
    @Nullable String detail,
    @Column(name = "shipped_at") Instant shippedAt,
    @Column(name = "updated_at") Instant updatedAt) {

  /** Where the parcel is; DELIVERED is final, a failed delivery may be tried again. */
  public enum Status {
    SHIPPED,
    IN_TRANSIT,
    DELIVERED,
    DELIVERY_FAILED;

    /** How a timeline says it. */
    String describe() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  static Shipment sent(
      UUID id, String vendorId, String carrier, String trackingNumber, Instant now) {
    return new Shipment(id, vendorId, carrier, trackingNumber, Status.SHIPPED, null, now, now);
  }

  Shipment reported(Status next, @Nullable String reportedDetail, Instant now) {
    return new Shipment(
        id, vendorId, carrier, trackingNumber, next, reportedDetail, shippedAt, now);
  }

  boolean delivered() {
    return status == Status.DELIVERED;
  }
}
