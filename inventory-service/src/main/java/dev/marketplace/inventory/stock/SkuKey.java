package dev.marketplace.inventory.stock;

import java.util.Comparator;

/**
 * A vendor's SKU. SKUs are unique only within a vendor's product, so stock, thresholds and
 * availability are kept per vendor and SKU.
 */
public record SkuKey(String vendorId, String sku) implements Comparable<SkuKey> {

  private static final Comparator<SkuKey> ORDER =
      Comparator.comparing(SkuKey::vendorId).thenComparing(SkuKey::sku);

  @Override
  public int compareTo(SkuKey other) {
    return ORDER.compare(this, other);
  }
}
