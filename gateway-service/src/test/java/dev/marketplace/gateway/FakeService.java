package dev.marketplace.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for a marketplace service: it records every request and answers
 * 200 with a small JSON body naming itself, a canned answer for a path, or (while held) nothing
 * until released, like a service that is stuck. It also sends its own CORS header, as a service
 * with CORS switched on would, so tests can see the gateway keep its own.
 */
public final class FakeService {

  private final String name;
  private final HttpServer server;
  private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
  private final Map<String, Canned> canned = new ConcurrentHashMap<>();
  private volatile CountDownLatch hold = new CountDownLatch(0);

  private FakeService(String name) {
    this.name = name;
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Held answers block their handler thread, never the server's dispatcher.
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeService start(String name) {
    return new FakeService(name);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<ReceivedRequest> received() {
    return List.copyOf(received);
  }

  /** Requests to paths starting with the prefix (query strings included in the match). */
  public List<ReceivedRequest> receivedUnder(String prefix) {
    return received.stream().filter(r -> r.pathAndQuery().startsWith(prefix)).toList();
  }

  public void answer(String path, int status, Map<String, String> headers, String body) {
    canned.put(path, new Canned(status, headers, body));
  }

  /** From now on, answers wait until {@link #release()} (or the test ends). */
  public void hold() {
    hold = new CountDownLatch(1);
  }

  public void release() {
    hold.countDown();
  }

  public void reset() {
    release();
    canned.clear();
    received.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), List.copyOf(values)));
      received.add(
          new ReceivedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              headers,
              new String(body, StandardCharsets.UTF_8)));
      awaitRelease();
      Canned answer =
          canned.getOrDefault(
              exchange.getRequestURI().getPath(),
              new Canned(
                  200,
                  Map.of("Content-Type", "application/json"),
                  "{\"service\":\"" + name + "\"}"));
      answer.headers().forEach(exchange.getResponseHeaders()::add);
      exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  private void awaitRelease() {
    try {
      hold.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Canned(int status, Map<String, String> headers, String body) {}
}
