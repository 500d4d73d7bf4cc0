package dev.marketplace.catalog.product;

/**
 * DRAFT products are the vendor's alone; PUBLISHED ones are visible to shoppers; ARCHIVED ones are
 * gone.
 */
public enum ProductStatus {
  DRAFT,
  PUBLISHED,
  ARCHIVED
}
