package dev.marketplace.customer.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A machine client that calls the token, revocation or introspection endpoint without client
 * credentials gets the error RFC 6749 (section 5.2) prescribes, 401 {@code invalid_client} as JSON
 * with a Basic challenge, instead of a redirect to a sign-in page it cannot follow.
 */
final class MachineClientEntryPoint implements AuthenticationEntryPoint {

  private static final byte[] BODY =
      ("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication is required:"
              + " send the client id and secret (HTTP Basic or client_secret_post).\"}")
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader("WWW-Authenticate", "Basic realm=\"oauth2/client\"");
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getOutputStream().write(BODY);
  }
}
