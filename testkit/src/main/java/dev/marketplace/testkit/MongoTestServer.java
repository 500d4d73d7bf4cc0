package dev.marketplace.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * A MongoDB wire-protocol server shared by the test JVM; each test class gets its own database.
 * Embedded mode uses mongo-java-server (no real mongod is obtainable without Docker): it has no
 * multi-document transactions and no {@code $text}, and the catalog is designed not to need them.
 */
public final class MongoTestServer {

  private static volatile String baseUri;

  private MongoTestServer() {}

  /** A connection string without a database, e.g. {@code mongodb://127.0.0.1:40123}. */
  public static synchronized String baseUri() {
    if (baseUri == null) {
      baseUri =
          TestServerMode.current() == TestServerMode.DOCKER ? startContainer() : startEmbedded();
    }
    return baseUri;
  }

  public static String uri(TestNamespace namespace) {
    return baseUri() + "/" + namespace.identifier();
  }

  /**
   * Registers {@code spring.mongodb.uri} (Spring Boot 4's property) with the class's own database.
   */
  public static void register(DynamicPropertyRegistry registry, TestNamespace namespace) {
    registry.add("spring.mongodb.uri", () -> uri(namespace));
  }

  /**
   * Starts a server of its own, which the caller must {@link MongoServer#shutdownNow() shut down}.
   */
  public static MongoServer startPrivateServer() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind();
    return server;
  }

  /** The connection string of a server started by {@link #startPrivateServer()}. */
  public static String uri(MongoServer server, String database) {
    InetSocketAddress address = server.getLocalAddress();
    return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
  }

  private static String startEmbedded() {
    MongoServer server = startPrivateServer();
    ServerShutdown.afterApplications(server::shutdownNow);
    return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
  }

  private static String startContainer() {
    TestServerMode.requireDocker();
    MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
    mongo.start();
    ServerShutdown.afterApplications(mongo::stop);
    String uri = mongo.getConnectionString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
