package dev.marketplace.opensearchnode;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.io.IOException;
import java.io.InputStream;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one OpenSearch node until its standard input closes, so it never outlives the process that
 * started it (a test JVM or the local stack), even when that process is killed.
 *
 * <p>Arguments: base directory, HTTP port, transport port, cluster name. Prints {@code
 * OPENSEARCH_READY} once the cluster is at least yellow.
 */
public final class OpenSearchNodeMain {

  private OpenSearchNodeMain() {}

  public static void main(String[] args) throws IOException {
    String basePath = args[0];
    int httpPort = Integer.parseInt(args[1]);
    int transportPort = Integer.parseInt(args[2]);
    String clusterName = args.length > 3 ? args[3] : "marketplace-test";

    OpenSearchRunner runner = new OpenSearchRunner();
    runner
        .onBuild(
            (number, settings) -> {
              settings.put("http.port", httpPort);
              settings.put("transport.port", transportPort);
              settings.put("network.host", "127.0.0.1");
              settings.put("discovery.type", "single-node");
              settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
              settings.put("action.auto_create_index", false);
            })
        .build(newConfigs().basePath(basePath).numOfNode(1).clusterName(clusterName));
    runner.ensureYellow();
    System.out.println("OPENSEARCH_READY http://127.0.0.1:" + httpPort);
    System.out.flush();

    try (InputStream in = System.in) {
      while (in.read() != -1) {
        // Wait for the parent to close our stdin (or die).
      }
    }
    runner.close();
    runner.clean();
    System.exit(0);
  }
}
