package dev.marketplace.search.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Search settings.
 *
 * @param engine {@code elasticsearch} (production) or {@code opensearch} (tests, local stack): the
 *     same client talks to both, with two HTTP adjustments for OpenSearch
 * @param indexPrefix prefix of index and alias names, so environments or test classes can share a
 *     cluster
 * @param replicas replicas per shard of new indices (0 on a single node)
 * @param refreshInterval how soon an indexed change becomes searchable
 * @param topicReplicas replicas of the topics search-service declares (the ones it consumes, if
 *     their owners have not created them yet)
 */
@ConfigurationProperties("marketplace.search")
public record SearchProperties(
    String engine, String indexPrefix, int replicas, Duration refreshInterval, int topicReplicas) {

  public SearchProperties {
    engine = engine == null ? "elasticsearch" : engine;
    indexPrefix = indexPrefix == null ? "" : indexPrefix;
    refreshInterval = refreshInterval == null ? Duration.ofMillis(500) : refreshInterval;
    topicReplicas = topicReplicas < 1 ? 1 : topicReplicas;
  }

  public boolean isOpenSearch() {
    return "opensearch".equalsIgnoreCase(engine);
  }

  /** The alias every search and every live write goes through. */
  public String alias() {
    return prefixed("products");
  }

  /**
   * The index of the newest stock of every vendor SKU (the truth the products' stock fields are
   * derived from). Its name starts like the alias, so the engine role that grants {@code products*}
   * covers it, but not like the alias's indices ({@code products-<time>}), which a rebuild deletes.
   */
  public String stockIndex() {
    return prefixed("products_stock");
  }

  private String prefixed(String name) {
    return (indexPrefix.isEmpty() ? "" : indexPrefix + "-") + name;
  }
}
