package dev.marketplace.inventory.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of inventory-service.
 *
 * @param reservations how reservations are held and expired
 * @param idempotencyRetention how long an adjustment's Idempotency-Key is remembered
 */
@ConfigurationProperties("inventory")
public record InventoryProperties(
    @DefaultValue Reservations reservations, @DefaultValue("P1D") Duration idempotencyRetention) {

  /**
   * @param defaultHold hold time when a ReserveStock command names no expiry
   * @param sweepInterval how often expired reservations are looked for
   * @param sweepBatchSize how many one pass releases at most
   */
  public record Reservations(
      @DefaultValue("15m") Duration defaultHold,
      @DefaultValue("5s") Duration sweepInterval,
      @DefaultValue("100") int sweepBatchSize) {}
}
