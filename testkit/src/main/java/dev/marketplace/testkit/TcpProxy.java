package dev.marketplace.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy that a test can cut and restore, to take a real server off the network
 * without stopping it: clients see refused and reset connections, the server keeps its state. A
 * Kafka broker that advertises the proxy's address is reached only through it.
 */
public final class TcpProxy implements AutoCloseable {

  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile InetSocketAddress target;
  private volatile ServerSocket listener;

  private TcpProxy(int port) {
    this.port = port;
  }

  /** A proxy on a free port; it forwards once {@link #forwardTo} names the target. */
  public static TcpProxy onFreePort() {
    TcpProxy proxy = new TcpProxy(Ports.free());
    proxy.restore();
    return proxy;
  }

  public int port() {
    return port;
  }

  public void forwardTo(String host, int targetPort) {
    this.target = new InetSocketAddress(host, targetPort);
  }

  /** Closes the listening socket and every connection: the target is unreachable until restored. */
  public synchronized void cut() {
    try {
      if (listener != null) {
        listener.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    listener = null;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  /** Listens again on the same port. */
  public synchronized void restore() {
    if (listener != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listener = socket;
      Thread.ofVirtual().name("tcp-proxy-accept-" + port).start(() -> accept(socket));
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on port " + port, e);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket server = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pipe(client, server));
        Thread.ofVirtual().start(() -> pipe(server, client));
      } catch (IOException e) {
        // Listener closed by cut(), or the target refused: the client sees its connection end.
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // Connection closed on either side.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
