package dev.marketplace.gateway;

import static org.awaitility.Awaitility.await;

import dev.marketplace.testkit.TcpProxy;
import java.time.Duration;

/**
 * A fake service behind a TCP proxy, which is the address the gateway is given: cutting the proxy
 * is the service going down (connections refused and reset), and pointing it elsewhere swaps in a
 * server that answers garbage.
 */
public final class Upstream {

  private final FakeService service;
  private final TcpProxy proxy = TcpProxy.onFreePort();
  private volatile boolean diverted;

  private Upstream(String name) {
    this.service = FakeService.start(name);
    proxy.forwardTo("127.0.0.1", service.port());
  }

  public static Upstream start(String name) {
    return new Upstream(name);
  }

  public String uri() {
    return "http://127.0.0.1:" + proxy.port();
  }

  public FakeService service() {
    return service;
  }

  /** The service is gone: new connections are refused, open ones reset. */
  public void stop() {
    diverted = true;
    proxy.cut();
  }

  /** From now on, connections reach a server that answers something that is not HTTP. */
  public void answerMalformed(MalformedHttpServer garbage) {
    diverted = true;
    proxy.cut();
    proxy.forwardTo("127.0.0.1", garbage.port());
    listenAgain();
  }

  /** Connections reach the fake service again. */
  public void restore() {
    proxy.cut();
    proxy.forwardTo("127.0.0.1", service.port());
    listenAgain();
    diverted = false;
  }

  public void reset() {
    service.reset();
    if (diverted) {
      restore();
    }
  }

  /** A closed listening socket frees its port a moment later, once its accept thread has ended. */
  private void listenAgain() {
    await()
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions()
        .until(
            () -> {
              proxy.restore();
              return true;
            });
  }
}
