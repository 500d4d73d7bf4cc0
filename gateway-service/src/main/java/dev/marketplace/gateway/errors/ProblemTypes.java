package dev.marketplace.gateway.errors;

import java.net.URI;

/**
 * Stable {@code type} URIs of the problems the gateway answers itself. The same URIs as the
 * services' ({@code platform-starter}'s {@code ProblemTypes}), plus the kinds only a gateway meets:
 * rate limits and upstream failures.
 */
public final class ProblemTypes {

  private static final String BASE = "https://problems.marketplace.dev/";

  public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
  public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
  public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
  public static final URI NOT_FOUND = URI.create(BASE + "not-found");
  public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
  public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
  public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
  public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
  public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
  public static final URI INTERNAL = URI.create(BASE + "internal");
  public static final URI REQUEST_TIMEOUT = URI.create(BASE + "request-timeout");
  public static final URI URI_TOO_LONG = URI.create(BASE + "uri-too-long");
  public static final URI HEADERS_TOO_LARGE = URI.create(BASE + "headers-too-large");
  public static final URI BAD_GATEWAY = URI.create(BASE + "bad-gateway");
  public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");
  public static final URI GATEWAY_TIMEOUT = URI.create(BASE + "gateway-timeout");

  private ProblemTypes() {}
}
