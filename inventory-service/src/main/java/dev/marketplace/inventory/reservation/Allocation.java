package dev.marketplace.inventory.reservation;

import dev.marketplace.inventory.stock.SkuKey;
import java.util.UUID;

/** Units of a vendor SKU to hold at one location. */
public record Allocation(SkuKey key, UUID locationId, int quantity) {}
