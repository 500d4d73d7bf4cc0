package dev.marketplace.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Carries stock into product documents. Each product keeps, per SKU, the newest stock it has seen
 * ({@code stock}: sku → stockVersion and whether it is sellable, not indexed) and derives from it
 * {@code availableSkus} and {@code inStock} (any variant sellable). The change is a scripted update
 * that compares versions per SKU, so a late or repeated stock event changes nothing, and it is
 * retried on a conflict with a concurrent product write instead of overwriting it.
 */
@Component
public class ProductStock {

  static final int RETRIES_ON_CONFLICT = 5;
  private static final String SCRIPT = Resources.read("/painless/stock-update.painless");
  private static final int PAGE = 1000;

  private final ElasticsearchClient client;

  public ProductStock(ElasticsearchClient client) {
    this.client = client;
  }

  /** New stock entries for one product document, by SKU. */
  record Change(String index, String productId, Map<String, SkuStock> entries) {}

  /** The fields a stock change needs of a product it finds. */
  record ProductSkus(String productId, String vendorId, List<String> skus) {}

  /**
   * Applies the stock to every product in {@code target} that sells one of these SKUs (same vendor,
   * same SKU), whatever its status. Products are found by search, after a refresh of {@code
   * target}, so every product written before this call is found. (With {@link ProductIndex}'s
   * second read of a new product's stock after its write, no stock is missed: stock stored before
   * that read is seen by it, stock stored after it is applied here.) A refresh costs little when
   * nothing was written since the last one, and stock events come in batches.
   *
   * @return how many product documents changed
   */
  public int apply(String target, Collection<StockDocument> stock) throws IOException {
    Map<String, Map<String, StockDocument>> byVendor = new LinkedHashMap<>();
    for (StockDocument doc : stock) {
      byVendor.computeIfAbsent(doc.vendorId(), v -> new LinkedHashMap<>()).put(doc.sku(), doc);
    }
    if (byVendor.isEmpty()) {
      return 0;
    }
    Query query = sellingAny(byVendor);
    client.indices().refresh(r -> r.index(target));
    return SortedPages.forEach(
        client,
        PAGE,
        s ->
            s.index(target)
                .query(query)
                .source(src -> src.filter(f -> f.includes("productId", "vendorId", "skus")))
                .sort(o -> o.field(f -> f.field("productId").order(SortOrder.Asc))),
        ProductSkus.class,
        page -> update(changes(page, byVendor)));
  }

  /** The new stock entries of each product found, for the SKUs it sells. */
  private static List<Change> changes(
      List<Hit<ProductSkus>> page, Map<String, Map<String, StockDocument>> byVendor) {
    List<Change> changes = new ArrayList<>();
    for (Hit<ProductSkus> hit : page) {
      ProductSkus product = hit.source();
      if (product == null || hit.id() == null) {
        continue;
      }
      Map<String, StockDocument> vendorStock = byVendor.getOrDefault(product.vendorId(), Map.of());
      Map<String, SkuStock> entries = new LinkedHashMap<>();
      for (String sku : product.skus()) {
        StockDocument doc = vendorStock.get(sku);
        if (doc != null) {
          entries.put(sku, doc.entry());
        }
      }
      if (!entries.isEmpty()) {
        changes.add(new Change(hit.index(), hit.id(), entries));
      }
    }
    return changes;
  }

  /**
   * Applies new stock entries to products known by id. A product missing from the index it was
   * expected in is skipped (it takes its stock from the stock index when it is written).
   *
   * @return how many product documents changed
   * @throws IndexingFailedException if an update failed for another reason, a conflict that
   *     outlasted the retries included (the caller's whole batch is retried; it is idempotent)
   */
  int update(List<Change> changes) throws IOException {
    if (changes.isEmpty()) {
      return 0;
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (Change change : changes) {
      bulk.operations(
          op ->
              op.update(
                  u ->
                      u.index(change.index())
                          .id(change.productId())
                          .retryOnConflict(RETRIES_ON_CONFLICT)
                          .action(
                              a ->
                                  a.script(
                                      s ->
                                          s.source(src -> src.scriptString(SCRIPT))
                                              .lang("painless")
                                              .params("changes", JsonData.of(change.entries()))))));
    }
    BulkResponse response = client.bulk(bulk.build());
    int changed = 0;
    for (BulkResponseItem item : response.items()) {
      if (item.error() == null) {
        changed += "noop".equals(item.result()) ? 0 : 1;
      } else if (item.status() != 404) {
        throw new IndexingFailedException(
            "applying stock to product " + item.id() + " failed: " + item.error().reason());
      }
    }
    return changed;
  }

  /** Products of any of these vendors with any of that vendor's SKUs. */
  private static Query sellingAny(Map<String, Map<String, StockDocument>> byVendor) {
    BoolQuery.Builder any = new BoolQuery.Builder().minimumShouldMatch("1");
    byVendor.forEach(
        (vendorId, skus) -> {
          List<FieldValue> values = skus.keySet().stream().map(FieldValue::of).toList();
          any.should(
              s ->
                  s.bool(
                      b ->
                          b.filter(f -> f.term(t -> t.field("vendorId").value(vendorId)))
                              .filter(
                                  f -> f.terms(t -> t.field("skus").terms(v -> v.value(values))))));
        });
    return any.build()._toQuery();
  }
}
