package dev.marketplace.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A TCP server that reads a request and answers bytes that are not HTTP, then hangs up. */
public final class MalformedHttpServer {

  private static final byte[] NOT_HTTP =
      "this is not an HTTP response\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;

  private MalformedHttpServer() {
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().name("malformed-http").start(this::serve);
  }

  public static MalformedHttpServer start() {
    return new MalformedHttpServer();
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void serve() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        Thread.ofVirtual().start(() -> answer(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void answer(Socket socket) {
    try (socket) {
      readRequestHead(socket.getInputStream());
      socket.getOutputStream().write(NOT_HTTP);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      // The gateway hung up first: nothing to do.
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < end.length && (b = in.read()) >= 0) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }
}
