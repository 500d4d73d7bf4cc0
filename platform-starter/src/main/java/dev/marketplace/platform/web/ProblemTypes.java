package dev.marketplace.platform.web;

import java.net.URI;

/** Stable {@code type} URIs of problem details, one per kind of error, documented in the README. */
public final class ProblemTypes {

  private static final String BASE = "https://problems.marketplace.dev/";

  public static final URI VALIDATION = URI.create(BASE + "validation");
  public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
  public static final URI NOT_FOUND = URI.create(BASE + "not-found");
  public static final URI CONFLICT = URI.create(BASE + "conflict");
  public static final URI PRECONDITION_FAILED = URI.create(BASE + "precondition-failed");
  public static final URI PRECONDITION_REQUIRED = URI.create(BASE + "precondition-required");
  public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
  public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
  public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
  public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
  public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
  public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
  public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");
  public static final URI INTERNAL = URI.create(BASE + "internal");
  public static final URI REQUEST_TIMEOUT = URI.create(BASE + "request-timeout");
  public static final URI LENGTH_REQUIRED = URI.create(BASE + "length-required");
  public static final URI URI_TOO_LONG = URI.create(BASE + "uri-too-long");
  public static final URI HEADERS_TOO_LARGE = URI.create(BASE + "headers-too-large");

  /** The type of a problem known only by its status (the container's own refusals). */
  public static URI forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 408 -> REQUEST_TIMEOUT;
      case 409 -> CONFLICT;
      case 411 -> LENGTH_REQUIRED;
      case 412 -> PRECONDITION_FAILED;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 414 -> URI_TOO_LONG;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 428 -> PRECONDITION_REQUIRED;
      case 431 -> HEADERS_TOO_LARGE;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    };
  }

  private ProblemTypes() {}
}
