package dev.marketplace.testkit.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Sends one HTTP/1.1 request as raw bytes and reads the answer. A hostile request is one no polite
 * client library would send (invalid percent-encoding, raw non-ASCII header bytes, a body shorter
 * than its Content-Length, made-up methods), so it is written by hand on a socket.
 */
final class RawHttp {

  private final String host;
  private final int port;
  private final Duration limit;

  RawHttp(String host, int port, Duration limit) {
    this.host = host;
    this.port = port;
    this.limit = limit;
  }

  /** The answer, or null when none came within the limit (a hang). */
  @Nullable Answer send(HostileRequest request) {
    long deadline = System.nanoTime() + limit.toNanos();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) limit.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head(request));
        out.write(request.body());
        out.flush();
      } catch (IOException e) {
        // A server may refuse a body before it has all arrived (413) and close the connection;
        // its answer is already on the way, so read it as any HTTP client would.
        Answer early = read(socket, deadline);
        return early != null && early.status() != 0
            ? early
            : new Answer(0, "", "connection closed: " + e.getMessage());
      }
      // The output stays open: a server may take a half-closed connection for a client gone.
      return read(socket, deadline);
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      // The server closed the connection without a word: no status, no problem.
      return new Answer(0, "", "connection closed: " + e.getMessage());
    }
  }

  private byte[] head(HostileRequest request) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    write(head, request.method() + " " + request.target() + " HTTP/1.1\r\n");
    write(head, "Host: " + host + ":" + port + "\r\n");
    write(head, "Connection: close\r\n");
    request
        .headers()
        .forEach(
            (name, value) -> {
              write(head, name + ": ");
              head.writeBytes(value.getBytes(StandardCharsets.UTF_8));
              write(head, "\r\n");
            });
    if (request.body().length > 0 || request.truncated()) {
      int declared = request.body().length + (request.truncated() ? 64 : 0);
      write(head, "Content-Length: " + declared + "\r\n");
    }
    write(head, "\r\n");
    return head.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String ascii) {
    out.writeBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static @Nullable Answer read(Socket socket, long deadline) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return null;
      }
      socket.setSoTimeout((int) Math.max(1, left));
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        // A complete answer on a connection the server keeps open is still an answer.
        return complete(received.toByteArray());
      } catch (IOException e) {
        Answer partial = complete(received.toByteArray());
        return partial != null ? partial : new Answer(0, "", "connection reset");
      }
      if (n < 0) {
        Answer answer = parse(received.toByteArray());
        return answer != null ? answer : new Answer(0, "", "connection closed without an answer");
      }
      received.write(buffer, 0, n);
      Answer done = complete(received.toByteArray());
      if (done != null) {
        return done;
      }
    }
  }

  /** The answer once its head and the body its Content-Length announces have arrived. */
  private static @Nullable Answer complete(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return null;
    }
    String length = headerOf(text.substring(0, end), "content-length");
    if (length != null && bytes.length - end - 4 >= Integer.parseInt(length.strip())) {
      return parse(bytes);
    }
    if (text.endsWith("0\r\n\r\n")
        && "chunked".equals(headerOf(text.substring(0, end), "transfer-encoding"))) {
      return parse(bytes);
    }
    return null;
  }

  private static @Nullable Answer parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || end < 0) {
      return null;
    }
    String head = text.substring(0, end);
    int lineEnd = head.indexOf("\r\n");
    String[] statusLine = (lineEnd < 0 ? head : head.substring(0, lineEnd)).split(" ");
    int status = Integer.parseInt(statusLine[1]);
    String contentType = headerOf(head, "content-type");
    byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    if ("chunked".equals(headerOf(head, "transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(
        status, contentType == null ? "" : contentType, new String(body, StandardCharsets.UTF_8));
  }

  private static @Nullable String headerOf(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String text = new String(chunked, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = text.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      String size = text.substring(at, lineEnd).split(";")[0].strip();
      int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (length == 0) {
        break;
      }
      int start = lineEnd + 2;
      body.write(chunked, start, Math.min(length, chunked.length - start));
      at = start + length + 2;
    }
    return body.toByteArray();
  }

  /** Status 0 means the connection closed without an answer. */
  record Answer(int status, String contentType, String body) {}
}
