package dev.marketplace.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.marketplace.events.catalog.ProductChangedV1;
import dev.marketplace.search.config.SearchProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The product index behind its alias. Writes use the product's version as an external version, so
 * the engine itself refuses an older or repeated event: duplicates and reordering leave the newest
 * state. Non-published products stay in the index with their status (a delete would forget its
 * version and let a late, older event bring the product back); every search filters on status.
 */
@Component
public class ProductIndex {

  private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);
  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final ElasticsearchClient client;
  private final SearchProperties properties;
  private final Clock clock;

  public ProductIndex(ElasticsearchClient client, SearchProperties properties, Clock clock) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
  }

  public String alias() {
    return properties.alias();
  }

  /** Creates the first index and points the alias at it, unless the alias exists already. */
  public void ensureExists() throws IOException {
    if (client.indices().existsAlias(e -> e.name(alias())).value()) {
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
    String definition =
        mapping()
            .replace("__REPLICAS__", Integer.toString(properties.replicas()))
            .replace("__REFRESH__", properties.refreshInterval().toMillis() + "ms");
    client.indices().create(c -> c.index(index).withJson(new StringReader(definition)));
    return index;
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

  /**
   * Writes the products into {@code target} (the alias or a concrete index). A version conflict
   * means the index already has this version or a newer one, which is the outcome we want.
   *
   * @return how many documents changed
   * @throws IndexingFailedException if any write failed for another reason
   */
  public int upsert(String target, List<ProductChangedV1> products) throws IOException {
    if (products.isEmpty()) {
      return 0;
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (ProductChangedV1 product : products) {
      bulk.operations(
          op ->
              op.index(
                  i ->
                      i.index(target)
                          .id(product.productId())
                          .version(product.productVersion())
                          .versionType(VersionType.External)
                          .document(ProductDocument.of(product))));
    }
    BulkResponse response = client.bulk(bulk.build());
    int changed = 0;
    for (BulkResponseItem item : response.items()) {
      if (item.error() == null) {
        changed++;
      } else if (item.status() != 409) {
        throw new IndexingFailedException(
            "indexing product " + item.id() + " failed: " + item.error().reason());
      }
    }
    return changed;
  }

  public void deleteIndex(String concreteIndex) throws IOException {
    client.indices().delete(d -> d.index(concreteIndex));
  }

  private static String mapping() {
    try (InputStream in = ProductIndex.class.getResourceAsStream("/product-index.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
