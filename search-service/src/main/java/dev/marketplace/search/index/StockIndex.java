package dev.marketplace.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.marketplace.search.config.SearchProperties;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The newest stock of every vendor SKU, one document per {@code vendorId:sku}, written with the
 * event's {@code stockVersion} as the engine's external version: the engine itself refuses an older
 * or repeated event (409), so this index is order-safe and idempotent without reading first. It is
 * the truth the products' stock fields are derived from: a product that is indexed later takes its
 * SKUs' stock from here.
 */
@Component
public class StockIndex {

  private static final Logger log = LoggerFactory.getLogger(StockIndex.class);
  private static final int PAGE = 500;

  private final ElasticsearchClient client;
  private final SearchProperties properties;

  public StockIndex(ElasticsearchClient client, SearchProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  public String name() {
    return properties.stockIndex();
  }

  /** Creates the index unless it exists (it is never rebuilt by an alias switch). */
  public void ensureExists() throws IOException {
    if (client.indices().exists(e -> e.index(name())).value()) {
      return;
    }
    String definition =
        Resources.read("/stock-index.json")
            .replace("__REPLICAS__", Integer.toString(properties.replicas()));
    try {
      client.indices().create(c -> c.index(name()).withJson(new StringReader(definition)));
      log.info("created stock index {}", name());
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
  }

  /**
   * Stores each document unless the index has its version or a newer one already.
   *
   * @return how many were newer than what the index held
   * @throws IndexingFailedException if a write failed for another reason
   */
  public int write(Collection<StockDocument> stock) throws IOException {
    if (stock.isEmpty()) {
      return 0;
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (StockDocument doc : stock) {
      bulk.operations(
          op ->
              op.index(
                  i ->
                      i.index(name())
                          .id(doc.key())
                          .version(doc.stockVersion())
                          .versionType(VersionType.External)
                          .document(doc)));
    }
    BulkResponse response = client.bulk(bulk.build());
    int written = 0;
    for (BulkResponseItem item : response.items()) {
      if (item.error() == null) {
        written++;
      } else if (item.status() != 409) {
        throw new IndexingFailedException(
            "storing stock " + item.id() + " failed: " + item.error().reason());
      }
    }
    return written;
  }

  /** The stored stock of these keys ({@code vendorId:sku}), read in real time; absent if none. */
  public Map<String, StockDocument> get(Collection<String> keys) throws IOException {
    Map<String, StockDocument> found = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    var response =
        client.mget(
            m -> m.index(name()).ids(List.copyOf(keys)).realtime(true), StockDocument.class);
    for (var item : response.docs()) {
      if (item.isFailure()) {
        throw new IndexingFailedException(
            "reading stock " + item.failure().id() + " failed: " + item.failure().error().reason());
      }
      StockDocument doc = item.result().source();
      if (item.result().found() && doc != null) {
        found.put(doc.key(), doc);
      }
    }
    return found;
  }

  /** Makes every write so far visible to {@link #forEachChangedSince}. */
  public void refresh() throws IOException {
    client.indices().refresh(r -> r.index(name()));
  }

  /** What a page of stock documents is handed to. */
  @FunctionalInterface
  public interface PageHandler {
    void accept(List<StockDocument> page) throws IOException;
  }

  /**
   * Hands every document written at or after {@code since} to {@code handler}, a page at a time
   * (searched, so only what the last {@link #refresh} made visible).
   */
  public void forEachChangedSince(Instant since, PageHandler handler) throws IOException {
    SortedPages.forEach(
        client,
        PAGE,
        s ->
            s.index(name())
                .query(q -> q.range(r -> r.date(d -> d.field("updatedAt").gte(since.toString()))))
                .sort(o -> o.field(f -> f.field("vendorId").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("sku").order(SortOrder.Asc))),
        StockDocument.class,
        page -> {
          List<StockDocument> docs = new ArrayList<>();
          for (Hit<StockDocument> hit : page) {
            if (hit.source() != null) {
              docs.add(hit.source());
            }
          }
          if (!docs.isEmpty()) {
            handler.accept(docs);
          }
          return docs.size();
        });
  }
}
