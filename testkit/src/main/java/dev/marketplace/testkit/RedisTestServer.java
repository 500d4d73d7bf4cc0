package dev.marketplace.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * A real redis-server binary (bundled by embedded-redis) shared by the test JVM. Test classes
 * isolate by database index, handed out in turn from the 16 Redis provides.
 */
public final class RedisTestServer {

  private static final AtomicInteger NEXT_DATABASE = new AtomicInteger();

  private static volatile String host;
  private static volatile int port;

  private RedisTestServer() {}

  public static synchronized int port() {
    if (host == null) {
      if (TestServerMode.current() == TestServerMode.DOCKER) {
        startContainer();
      } else {
        startEmbedded();
      }
    }
    return port;
  }

  public static String host() {
    port();
    return host;
  }

  /** Registers {@code spring.data.redis.*} with a database index of the class's own. */
  public static void register(DynamicPropertyRegistry registry) {
    int database = NEXT_DATABASE.getAndIncrement() % 16;
    registry.add("spring.data.redis.host", RedisTestServer::host);
    registry.add("spring.data.redis.port", RedisTestServer::port);
    registry.add("spring.data.redis.database", () -> database);
  }

  private static void startEmbedded() {
    int freePort = Ports.free();
    RedisServer server = startPrivateServer(freePort);
    ServerShutdown.afterApplications(() -> stop(server));
    host = "127.0.0.1";
    port = freePort;
  }

  /**
   * Starts a redis-server of the caller's own on 127.0.0.1, which the caller stops with {@link
   * #stop(RedisServer)}: for a caller that must stop its clients before their server (the shared
   * server stops only as the JVM exits).
   */
  public static RedisServer startPrivateServer(int port) {
    try {
      RedisServer server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("embedded redis-server did not start", e);
    }
  }

  public static void stop(RedisServer server) {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("resource")
  private static void startContainer() {
    TestServerMode.requireDocker();
    GenericContainer<?> redis = new GenericContainer<>("redis:8").withExposedPorts(6379);
    redis.start();
    ServerShutdown.afterApplications(redis::stop);
    host = redis.getHost();
    port = redis.getMappedPort(6379);
  }
}
