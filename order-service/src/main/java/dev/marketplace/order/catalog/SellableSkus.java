package dev.marketplace.order.catalog;

import dev.marketplace.events.catalog.ProductChangedV1;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projection of catalog events order-service prices carts with. A product's event replaces its
 * SKUs only if it is newer than what is stored, so duplicates and reordering leave the newest.
 */
@Repository
public class SellableSkus {

  private final JdbcClient jdbc;

  SellableSkus(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void apply(ProductChangedV1 product) {
    Long stored =
        jdbc.sql("SELECT max(product_version) FROM sellable_sku WHERE product_id = ?")
            .param(product.productId())
            .query(Long.class)
            .optional()
            .orElse(null);
    if (stored != null && stored >= product.productVersion()) {
      return;
    }
    jdbc.sql("DELETE FROM sellable_sku WHERE product_id = ?").param(product.productId()).update();
    boolean published = product.status() == ProductChangedV1.Status.PUBLISHED;
    for (ProductChangedV1.Variant variant : product.variants()) {
      jdbc.sql(
              """
              INSERT INTO sellable_sku (sku, product_id, product_version, vendor_id, name,
                                        category_id, price_minor, currency, published)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (vendor_id, sku) DO UPDATE SET product_id = excluded.product_id,
                product_version = excluded.product_version,
                name = excluded.name, category_id = excluded.category_id,
                price_minor = excluded.price_minor,
                currency = excluded.currency, published = excluded.published
              """)
          .params(
              variant.sku(),
              product.productId(),
              product.productVersion(),
              product.vendorId(),
              product.name(),
              product.categoryId(),
              variant.priceMinor(),
              variant.currency(),
              published)
          .update();
    }
  }

  public Optional<SellableSku> find(ItemKey item) {
    return jdbc.sql("SELECT * FROM sellable_sku WHERE vendor_id = ? AND sku = ?")
        .params(item.vendorId(), item.sku())
        .query(SellableSku.class)
        .optional();
  }

  public Map<ItemKey, SellableSku> findAll(Collection<ItemKey> items) {
    if (items.isEmpty()) {
      return Map.of();
    }
    List<SellableSku> found =
        jdbc.sql(
                """
                SELECT * FROM sellable_sku
                WHERE (vendor_id, sku) IN (SELECT * FROM unnest(?::text[], ?::text[]))
                """)
            .params(
                items.stream().map(ItemKey::vendorId).toArray(String[]::new),
                items.stream().map(ItemKey::sku).toArray(String[]::new))
            .query(SellableSku.class)
            .list();
    return found.stream().collect(Collectors.toMap(SellableSku::key, Function.identity()));
  }
}
