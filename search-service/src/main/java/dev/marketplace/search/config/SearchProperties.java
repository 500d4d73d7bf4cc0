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
 */
@ConfigurationProperties("marketplace.search")
public record SearchProperties(
    String engine, String indexPrefix, int replicas, Duration refreshInterval) {

  public SearchProperties {
    engine = engine == null ? "elasticsearch" : engine;
    indexPrefix = indexPrefix == null ? "" : indexPrefix;
    refreshInterval = refreshInterval == null ? Duration.ofMillis(500) : refreshInterval;
  }

  public boolean isOpenSearch() {
    return "opensearch".equalsIgnoreCase(engine);
  }

  /** The alias every search and every live write goes through. */
  public String alias() {
    return (indexPrefix.isEmpty() ? "" : indexPrefix + "-") + "products";
  }
}
