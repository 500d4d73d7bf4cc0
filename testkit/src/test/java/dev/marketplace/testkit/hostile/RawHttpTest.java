package dev.marketplace.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawHttpTest {

  /**
   * A server that refuses a large body after its head (as the gateway's 413 does) and closes the
   * connection is answering, not hanging up: the suite must report its status, not a broken pipe.
   */
  @Test
  void anAnswerSentBeforeTheBodyWasReadIsStillTheAnswer() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      Thread refuser = Thread.ofVirtual().start(() -> refuseAfterHead(server));
      HostileRequest request =
          new HostileRequest(
              "PUT /big",
              "body-long-string",
              "PUT",
              "/big",
              Map.of("Content-Type", "application/json"),
              new byte[16 * 1024 * 1024],
              false,
              false);

      RawHttp.Answer answer =
          new RawHttp("localhost", server.getLocalPort(), Duration.ofSeconds(10)).send(request);

      refuser.join();
      assertThat(answer).isNotNull();
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.body()).contains("too large");
    }
  }

  private static void refuseAfterHead(ServerSocket server) {
    try (Socket socket = server.accept()) {
      InputStream in = socket.getInputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String body = "{\"status\":413,\"title\":\"too large\"}";
      socket
          .getOutputStream()
          .write(
              ("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/problem+json\r\n"
                      + "Content-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      // Closing with unread input makes the kernel reset the connection: the client's write fails.
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
