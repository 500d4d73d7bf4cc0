package dev.marketplace.inventory.catalog;

import dev.marketplace.events.catalog.ProductChangedV1;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's SKUs and their vendors, as a projection of {@code catalog.products}. Each product
 * keeps only its newest version, so repeated and reordered events leave the same state and the
 * compacted topic alone rebuilds it. SKUs are unique within a product only, so a SKU is known per
 * vendor: two vendors may both sell an "A-1".
 */
@Repository
public class CatalogSkus {

  private final JdbcClient jdbc;

  CatalogSkus(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Applies a product's state unless a newer (or the same) version is already here.
   *
   * @return true when it was newer and applied
   */
  @Transactional
  public boolean apply(ProductChangedV1 product) {
    // The conditional upsert takes the product row's lock, so concurrent versions apply in turn.
    int newer =
        jdbc.sql(
                """
                INSERT INTO catalog_product (product_id, vendor_id, product_version)
                VALUES (?, ?, ?)
                ON CONFLICT (product_id) DO UPDATE
                  SET vendor_id = EXCLUDED.vendor_id, product_version = EXCLUDED.product_version
                  WHERE catalog_product.product_version < EXCLUDED.product_version
                """)
            .params(product.productId(), product.vendorId(), product.productVersion())
            .update();
    if (newer == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM catalog_variant WHERE product_id = ?")
        .param(product.productId())
        .update();
    for (ProductChangedV1.Variant variant : product.variants()) {
      jdbc.sql(
              "INSERT INTO catalog_variant (product_id, sku, vendor_id) VALUES (?, ?, ?)"
                  + " ON CONFLICT DO NOTHING")
          .params(product.productId(), variant.sku(), product.vendorId())
          .update();
    }
    return true;
  }

  /** Whether the vendor has a product with this SKU. */
  public boolean isVendorSku(String vendorId, String sku) {
    return !unknown(vendorId, List.of(sku)).contains(sku);
  }

  /** The SKUs among {@code skus} that no product of the vendor has. */
  public Set<String> unknown(String vendorId, Collection<String> skus) {
    Set<String> unknown = new HashSet<>(skus);
    if (!unknown.isEmpty()) {
      unknown.removeAll(
          jdbc.sql("SELECT DISTINCT sku FROM catalog_variant WHERE vendor_id = ? AND sku = ANY(?)")
              .params(vendorId, skus.toArray(String[]::new))
              .query(String.class)
              .list());
    }
    return unknown;
  }
}
