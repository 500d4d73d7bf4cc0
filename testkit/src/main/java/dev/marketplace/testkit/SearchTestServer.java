package dev.marketplace.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

/**
 * The search engine shared by the test JVM: OpenSearch 3 in a child JVM (embedded mode) or
 * Elasticsearch 9 (docker mode). Test classes isolate by index prefix.
 */
public final class SearchTestServer {

  private static volatile String url;
  private static volatile String engine;

  private SearchTestServer() {}

  public static synchronized String url() {
    if (url == null) {
      if (TestServerMode.current() == TestServerMode.DOCKER) {
        startContainer();
      } else {
        OpenSearchProcess node = OpenSearchProcess.start("768m");
        ServerShutdown.afterApplications(node::close);
        url = node.url();
        engine = "opensearch";
      }
    }
    return url;
  }

  /**
   * {@code opensearch} or {@code elasticsearch}: the value of {@code marketplace.search.engine}.
   */
  public static String engine() {
    url();
    return engine;
  }

  /**
   * Registers {@code spring.elasticsearch.uris}, the engine switch and the class's index prefix.
   */
  public static void register(DynamicPropertyRegistry registry, TestNamespace namespace) {
    registry.add("spring.elasticsearch.uris", SearchTestServer::url);
    registry.add("marketplace.search.engine", SearchTestServer::engine);
    registry.add("marketplace.search.index-prefix", namespace::name);
  }

  private static void startContainer() {
    TestServerMode.requireDocker();
    ElasticsearchContainer elastic =
        new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:9.2.0")
            .withEnv("xpack.security.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms768m -Xmx768m");
    elastic.start();
    ServerShutdown.afterApplications(elastic::stop);
    url = "http://" + elastic.getHttpHostAddress();
    engine = "elasticsearch";
  }
}
