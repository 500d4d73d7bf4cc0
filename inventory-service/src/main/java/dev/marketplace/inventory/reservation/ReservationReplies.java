package dev.marketplace.inventory.reservation;

import dev.marketplace.events.Event;
import dev.marketplace.events.inventory.StockCommittedV1;
import dev.marketplace.events.inventory.StockLinesReleasedV1;
import dev.marketplace.events.inventory.StockReleasedV1;
import dev.marketplace.events.inventory.StockReservationFailedV1;
import dev.marketplace.events.inventory.StockReservedV1;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The replies to the saga's commands, computed from the reservation's stored state or from the
 * command alone, never from what the delivery at hand changed: a repeated command changes nothing,
 * and the first delivery and every repetition therefore get the same answer.
 */
final class ReservationReplies {

  private ReservationReplies() {}

  /**
   * Reserved (also once shipped), failed with the same shortages, or, once released, that the order
   * holds nothing.
   */
  static Event reserve(Reservation reservation) {
    String orderId = reservation.orderId();
    return switch (reservation.status()) {
      case HELD, COMMITTED -> new StockReservedV1(orderId, requireExpiry(reservation));
      case FAILED ->
          new StockReservationFailedV1(
              orderId,
              reservation.shortages().stream()
                  .map(
                      s ->
                          new StockReservationFailedV1.Shortage(
                              s.key().sku(), s.requested(), s.available()))
                  .toList());
      case RELEASED -> new StockReleasedV1(orderId);
    };
  }

  /** Released, whether the order held anything or not. */
  static StockReleasedV1 release(String orderId) {
    return new StockReleasedV1(orderId);
  }

  /** Committed, whether the vendor's units were still held, shipped before, or never reserved. */
  static StockCommittedV1 commit(String orderId, String vendorId) {
    return new StockCommittedV1(orderId, vendorId);
  }

  /** Released, whether the lines were held, released before, or never reserved. */
  static StockLinesReleasedV1 releaseLines(String orderId, String vendorId, Set<String> skus) {
    return new StockLinesReleasedV1(orderId, vendorId, List.copyOf(skus));
  }

  private static Instant requireExpiry(Reservation reservation) {
    Instant expiresAt = reservation.expiresAt();
    if (expiresAt == null) {
      throw new IllegalStateException("a held reservation has an expiry");
    }
    return expiresAt;
  }
}
