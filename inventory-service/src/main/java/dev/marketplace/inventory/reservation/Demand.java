package dev.marketplace.inventory.reservation;

import dev.marketplace.inventory.stock.SkuKey;

/** How many units of a vendor SKU an order needs (its lines of that SKU added up). */
public record Demand(SkuKey key, int quantity) {

  public Demand {
    if (quantity <= 0) {
      throw new IllegalArgumentException("a demand is for at least one unit, was " + quantity);
    }
  }
}
