package dev.marketplace.gateway.errors;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** An RFC 9457 problem before it is written: status, stable type, title and a detail for people. */
public record Problem(HttpStatus status, URI type, String title, String detail) {

  public static Problem unauthorized(String detail) {
    return new Problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
  }

  public static Problem forbidden() {
    return new Problem(
        HttpStatus.FORBIDDEN,
        ProblemTypes.FORBIDDEN,
        "Forbidden",
        "The access token does not grant this operation.");
  }

  public static Problem payloadTooLarge(long maxBytes) {
    return new Problem(
        HttpStatus.CONTENT_TOO_LARGE,
        ProblemTypes.PAYLOAD_TOO_LARGE,
        "Payload too large",
        "The request body is larger than the limit of " + maxBytes + " bytes.");
  }
}
