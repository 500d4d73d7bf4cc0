package dev.marketplace.inventory.sales;

import java.time.Instant;

/** One sale at a store's till: its id (unique per store), what and how many, and when. */
public record StoreSale(String saleId, String sku, int quantity, Instant soldAt) {

  /** Whether {@code other} is this same sale sent again, as opposed to a reused id. */
  boolean sameAs(StoreSale other) {
    return saleId.equals(other.saleId()) && sku.equals(other.sku()) && quantity == other.quantity();
  }
}
