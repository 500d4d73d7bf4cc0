package dev.marketplace.inventory.reservation;

import dev.marketplace.inventory.stock.SkuKey;

/** A demand the vendor's stock cannot meet: {@code available} is what could be sold now. */
public record Shortage(SkuKey key, int requested, int available) {}
