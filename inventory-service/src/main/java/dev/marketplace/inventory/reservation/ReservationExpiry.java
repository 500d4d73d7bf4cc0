package dev.marketplace.inventory.reservation;

import dev.marketplace.inventory.config.InventoryProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases reservations whose time is up and tells the saga (StockReleasedV1), one reservation per
 * transaction so locks stay short. Replicas may all run it: each skips reservations another is
 * releasing.
 */
@Component
class ReservationExpiry {

  private final Reservations reservations;
  private final TransactionTemplate transaction;
  private final InventoryProperties properties;

  ReservationExpiry(
      Reservations reservations, TransactionTemplate transaction, InventoryProperties properties) {
    this.reservations = reservations;
    this.transaction = transaction;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${inventory.reservations.sweep-interval:5s}",
      initialDelayString = "${inventory.reservations.sweep-interval:5s}")
  void sweep() {
    for (int i = 0; i < properties.reservations().sweepBatchSize(); i++) {
      if (!Boolean.TRUE.equals(transaction.execute(status -> reservations.expireNext()))) {
        return;
      }
    }
  }
}
