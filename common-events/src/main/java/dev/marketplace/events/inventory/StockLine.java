package dev.marketplace.events.inventory;

/** A quantity of one SKU, as ordered. */
public record StockLine(String sku, String vendorId, int quantity) {}
