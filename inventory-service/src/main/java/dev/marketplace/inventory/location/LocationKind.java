package dev.marketplace.inventory.location;

/** What a location is; online orders are served from warehouses before stores. */
public enum LocationKind {
  WAREHOUSE,
  STORE
}
