package dev.marketplace.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetOperation;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.events.inventory.StockAvailabilityChangedV1;
import dev.marketplace.search.config.SearchProperties;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product index behind its alias. A product event is written by a scripted upsert that keeps
 * the document's revision when it is the same or newer ({@code productVersion}), so duplicates and
 * reordering leave the newest state, and that keeps the stock fields {@link ProductStock}
 * maintains. (A whole-document write with external versioning would wipe them, and a partial update
 * would break external versioning.) Non-published products stay in the index with their status (a
 * delete would forget its version and let a late, older event bring the product back); every search
 * filters on status.
 */
@Component
public class ProductIndex {

  private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);
  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
  private static final String DEFINITION = Resources.read("/product-index.json");

  /** Writes of one batch: the first, and rewrites of products that changed in between. */
  private static final int ATTEMPTS = 5;

  private final ElasticsearchClient client;
  private final SearchProperties properties;
  private final Clock clock;
  private final StockIndex stock;
  private final ProductStock productStock;

  public ProductIndex(
      ElasticsearchClient client,
      SearchProperties properties,
      Clock clock,
      StockIndex stock,
      ProductStock productStock) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    this.stock = stock;
    this.productStock = productStock;
  }

  public String alias() {
    return properties.alias();
  }

  /**
   * Creates the first index and points the alias at it, unless the alias exists already; then it
   * adds fields this version's mapping has and the existing index lacks (new fields can be added to
   * an index, existing ones cannot change).
   */
  public void ensureExists() throws IOException {
    if (client.indices().existsAlias(e -> e.name(alias())).value()) {
      String mappings = JsonMapper.shared().readTree(definition()).get("mappings").toString();
      client.indices().putMapping(p -> p.index(alias()).withJson(new StringReader(mappings)));
      return;
    }
    String index = createIndex();
    try {
      client
          .indices()
          .updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias()))));
      log.info("created index {} behind alias {}", index, alias());
    } catch (ElasticsearchException e) {
      // Another instance won the race; keep its index.
      client.indices().delete(d -> d.index(index));
    }
  }

  /** A new, empty index with the product mapping, named after the alias and the current time. */
  public String createIndex() throws IOException {
    String index = alias() + "-" + SUFFIX.format(clock.instant());
    client.indices().create(c -> c.index(index).withJson(new StringReader(definition())));
    return index;
  }

  /** The index definition with this deployment's settings filled in (it is not JSON before). */
  private String definition() {
    return DEFINITION
        .replace("__REPLICAS__", Integer.toString(properties.replicas()))
        .replace("__REFRESH__", properties.refreshInterval().toMillis() + "ms");
  }

  /** The indices the alias points to now (one, outside of a switch). */
  public Set<String> currentIndices() throws IOException {
    return client.indices().getAlias(g -> g.name(alias())).aliases().keySet();
  }

  /**
   * Points the alias at {@code index} alone, atomically: searches never see a missing alias. The
   * index it pointed to before is kept (searches still running on it finish, and it allows a
   * rollback) and deleted by the next switch.
   */
  public void switchAliasTo(String index) throws IOException {
    client.indices().refresh(r -> r.index(index));
    Set<String> previous = currentIndices();
    client
        .indices()
        .updateAliases(
            u -> {
              previous.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias()))));
              return u.actions(a -> a.add(add -> add.index(index).alias(alias())));
            });
    Set<String> keep = new java.util.HashSet<>(previous);
    keep.add(index);
    for (String stale : client.indices().get(g -> g.index(alias() + "-*")).indices().keySet()) {
      if (!keep.contains(stale)) {
        deleteIndex(stale);
      }
    }
  }

  /** Writes product events as the live listener does ({@code live} below). */
  public int upsert(String target, List<ProductChangedV1> products) throws IOException {
    return upsert(target, products, true);
  }

  /**
   * Writes the products into {@code target} (the alias or a concrete index) in one bulk request,
   * after one real-time read of their documents.
   *
   * <p>Each product is written whole, conditionally: created if the read found none, else only if
   * the document is still the one read ({@code if_seq_no}). A product whose document changed in
   * between (a stock update, another write) is read and written again. A revision the index has
   * already, or an older one, is not written.
   *
   * <p>A written product keeps what its document knew of its SKUs' stock, which the stock listener
   * keeps current for every product search can see. A product that gains SKUs (a new product, a new
   * variant) may not be visible yet, so its stock comes from the stock index:
   *
   * <ul>
   *   <li>live: read after the write and applied then (version-checked, as by the stock listener).
   *       Stock stored after that read comes after the product's write, and {@link
   *       ProductStock#apply} refreshes the index before it searches, so it finds the product.
   *   <li>not live (a rebuild into an index nobody searches yet): read with the documents and
   *       written with them; the rebuild re-applies afterwards whatever stock changed while it ran.
   * </ul>
   *
   * @return how many documents changed
   * @throws IndexingFailedException if any write failed, or a product kept changing under every
   *     attempt (the batch is idempotent, so the listener's retries repeat it)
   */
  public int upsert(String target, List<ProductChangedV1> products, boolean live)
      throws IOException {
    // Only the newest revision of a product in the batch: the others would be overwritten at once.
    Map<String, ProductChangedV1> pending = new LinkedHashMap<>();
    for (ProductChangedV1 product : products) {
      pending.merge(
          product.productId(), product, (a, b) -> a.productVersion() >= b.productVersion() ? a : b);
    }
    List<ProductDocument> gained = new ArrayList<>();
    int changed = 0;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > ATTEMPTS) {
        throw new IndexingFailedException(
            "products " + pending.keySet() + " changed during each of " + ATTEMPTS + " writes");
      }
      Before before = readBefore(target, pending.values(), !live);
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      List<ProductDocument> written = new ArrayList<>();
      for (ProductChangedV1 product : pending.values()) {
        Current current = before.products().get(product.productId());
        if (current != null && current.version() >= product.productVersion()) {
          continue;
        }
        ProductDocument doc = ProductDocument.of(product, stockOf(product, current, before));
        if (current == null) {
          bulk.operations(op -> op.create(c -> c.index(target).id(doc.productId()).document(doc)));
        } else {
          bulk.operations(
              op ->
                  op.index(
                      i ->
                          i.index(target)
                              .id(doc.productId())
                              .ifSeqNo(current.seqNo())
                              .ifPrimaryTerm(current.primaryTerm())
                              .document(doc)));
        }
        written.add(doc);
      }
      Map<String, ProductChangedV1> conflicts = new LinkedHashMap<>();
      if (!written.isEmpty()) {
        List<BulkResponseItem> items = client.bulk(bulk.build()).items();
        for (int i = 0; i < items.size(); i++) {
          BulkResponseItem item = items.get(i);
          ProductDocument doc = written.get(i);
          if (item.error() == null) {
            changed++;
            Current current = before.products().get(doc.productId());
            if (current == null || !current.skus().containsAll(doc.skus())) {
              gained.add(doc);
            }
          } else if (item.status() == 409) {
            conflicts.put(doc.productId(), pending.get(doc.productId()));
          } else {
            throw new IndexingFailedException(
                "indexing product " + item.id() + " failed: " + item.error().reason());
          }
        }
      }
      pending = conflicts;
    }
    if (live && !gained.isEmpty()) {
      applyStock(target, gained);
    }
    return changed;
  }

  /** The newer of the document's and the stock index's stock, per SKU of the product. */
  private static Map<String, SkuStock> stockOf(
      ProductChangedV1 product, @Nullable Current current, Before before) {
    Map<String, SkuStock> stock = new LinkedHashMap<>();
    for (ProductChangedV1.Variant variant : product.variants()) {
      SkuStock kept = current == null ? null : current.stock().get(variant.sku());
      SkuStock newest = SkuStock.newer(kept, before.stock().get(key(product, variant)));
      if (newest != null) {
        stock.put(variant.sku(), newest);
      }
    }
    return stock;
  }

  /**
   * What a batch read before writing: the products' documents, and (not live) the stock of every
   * SKU in it, by {@code vendorId:sku}.
   */
  private record Before(Map<String, Current> products, Map<String, SkuStock> stock) {}

  /** A product's document as read: its revision, SKUs, stock and sequence number. */
  private record Current(
      long version, List<String> skus, Map<String, SkuStock> stock, long seqNo, long primaryTerm) {}

  /** The fields {@link #readBefore} asks for: of a product's document, or of a stock document. */
  private record Stored(
      @Nullable Long version,
      @Nullable List<String> skus,
      @Nullable Map<String, SkuStock> stock,
      @Nullable String level,
      @Nullable Long stockVersion) {}

  private Before readBefore(String target, Collection<ProductChangedV1> products, boolean withStock)
      throws IOException {
    Set<String> stockKeys = new LinkedHashSet<>();
    List<MultiGetOperation> docs = new ArrayList<>();
    for (ProductChangedV1 product : products) {
      docs.add(
          MultiGetOperation.of(
              d ->
                  d.index(target)
                      .id(product.productId())
                      .source(src -> src.filter(f -> f.includes("version", "skus", "stock")))));
      if (withStock) {
        product.variants().forEach(v -> stockKeys.add(key(product, v)));
      }
    }
    for (String key : stockKeys) {
      docs.add(
          MultiGetOperation.of(
              d ->
                  d.index(stock.name())
                      .id(key)
                      .source(src -> src.filter(f -> f.includes("level", "stockVersion")))));
    }
    var response = client.mget(m -> m.docs(docs).realtime(true), Stored.class);
    Map<String, Current> current = new HashMap<>();
    Map<String, SkuStock> known = new HashMap<>();
    for (var item : response.docs()) {
      if (item.isFailure()) {
        throw new IndexingFailedException(
            "reading " + item.failure().id() + " failed: " + item.failure().error().reason());
      }
      var result = item.result();
      Stored stored = result.source();
      if (!result.found() || stored == null) {
        continue;
      }
      if (result.index().equals(stock.name())) {
        known.put(
            result.id(),
            new SkuStock(
                stored.stockVersion() == null ? 0 : stored.stockVersion(),
                !StockDocument.OUT_OF_STOCK.equals(stored.level())));
      } else {
        current.put(
            result.id(),
            new Current(
                stored.version() == null ? 0 : stored.version(),
                stored.skus() == null ? List.of() : stored.skus(),
                stored.stock() == null ? Map.of() : stored.stock(),
                result.seqNo() == null ? 0 : result.seqNo(),
                result.primaryTerm() == null ? 0 : result.primaryTerm()));
      }
    }
    return new Before(current, known);
  }

  /** Applies any stock of the products' SKUs that is newer than what was written with them. */
  private void applyStock(String target, List<ProductDocument> written) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    written.forEach(doc -> doc.skus().forEach(sku -> keys.add(key(doc.vendorId(), sku))));
    Map<String, StockDocument> now = stock.get(keys);
    List<ProductStock.Change> late = new ArrayList<>();
    for (ProductDocument doc : written) {
      Map<String, SkuStock> newer = new LinkedHashMap<>();
      for (String sku : doc.skus()) {
        StockDocument current = now.get(key(doc.vendorId(), sku));
        SkuStock had = doc.stock().get(sku);
        if (current != null && (had == null || current.stockVersion() > had.version())) {
          newer.put(sku, current.entry());
        }
      }
      if (!newer.isEmpty()) {
        late.add(new ProductStock.Change(target, doc.productId(), newer));
      }
    }
    productStock.update(late);
  }

  private static String key(String vendorId, String sku) {
    return StockAvailabilityChangedV1.key(vendorId, sku);
  }

  private static String key(ProductChangedV1 product, ProductChangedV1.Variant variant) {
    return key(product.vendorId(), variant.sku());
  }

  /** Makes everything written to {@code target} so far searchable. */
  public void refresh(String target) throws IOException {
    client.indices().refresh(r -> r.index(target));
  }

  public void deleteIndex(String concreteIndex) throws IOException {
    client.indices().delete(d -> d.index(concreteIndex));
  }
}
